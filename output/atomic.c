/* Writing a finished file into place without ever exposing a partial one:
 * a temporary file beside the target, flushed, then renamed over it. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"

void out_buf_free(out_buf *buf)
{
    free(buf->data);
    buf->data = NULL;
    buf->len = 0;
}

int atomic_write(const char *path, const void *data, size_t len, diag_list *diags)
{
    char *tmp;
    if (asprintf(&tmp, "%s.XXXXXX", path) < 0) {
        diag_system(diags, "onvoldoende geheugen bij het schrijven van %s", path);
        return -1;
    }
    int fd = mkstemp(tmp);
    if (fd < 0) {
        diag_system(diags, "kan %s niet schrijven: %s", path, diag_errno_text(errno));
        free(tmp);
        return -1;
    }
    /* mkstemp creates 0600; documents are meant to be shared like any file
     * the user creates, so honour the umask instead. */
    mode_t mask = umask(0);
    umask(mask);
    const unsigned char *p = data;
    size_t left = len;
    int err = fchmod(fd, 0666 & ~mask) ? errno : 0;
    while (!err && left > 0) {
        ssize_t n = write(fd, p, left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            err = errno;
            break;
        }
        p += n;
        left -= (size_t)n;
    }
    if (!err && fsync(fd))
        err = errno;
    if (close(fd) && !err)
        err = errno;
    if (!err && rename(tmp, path))
        err = errno;
    if (err) {
        unlink(tmp);
        diag_system(diags, "kan %s niet schrijven: %s", path, diag_errno_text(err));
    }
    free(tmp);
    return err ? -1 : 0;
}
