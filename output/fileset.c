/* Writing a set of files all or nothing: every file goes to a temporary
 * name in its final folder and is flushed; only when all of them are on
 * disk are they renamed into place, with the signals that could split the
 * renames held back. A lock file keeps two runs out of one folder. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "output.h"
#include "../generator/grow.h"

#define TMP_SUFFIX ".afspraken-tmp"
#define LOCK_NAME ".afspraken.lock"
#define LOCK_WAIT_SECONDS 30

typedef struct {
    char *path; /* dir/rel */
    char *tmp;  /* dir/<rel's folder>/.<rel's name>.afspraken-tmp */
    out_buf buf;
} set_file;

struct out_set {
    char *dir;
    set_file *files;
    size_t count, cap;
    char **made; /* folders this run created, parents first */
    size_t n_made;
};

/* What the signal handler removes: the temporaries written so far. Only
 * one set is committed at a time in a process. */
static char *const *volatile pending_tmp;
static volatile sig_atomic_t n_pending;
static const char *volatile pending_lock;
static const int caught[] = {SIGINT, SIGTERM, SIGHUP};
#define N_CAUGHT (sizeof caught / sizeof *caught)

void out_buf_free(out_buf *buf)
{
    free(buf->data);
    buf->data = NULL;
    buf->len = 0;
}

out_set *out_set_new(const char *dir)
{
    out_set *s = calloc(1, sizeof *s);
    if (s && !(s->dir = strdup(dir))) {
        free(s);
        s = NULL;
    }
    return s;
}

/* A relative path of plain names: no "", ".", ".." or leading slash, so
 * every file stays inside the target folder. */
static int plain_relative(const char *rel)
{
    const char *p = rel;
    for (;;) {
        size_t n = strcspn(p, "/");
        if (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
            return 0;
        if (!p[n])
            return 1;
        p += n + 1;
    }
}

int out_set_add(out_set *s, const char *rel, out_buf *buf, diag_list *d)
{
    if (!plain_relative(rel)) {
        diag_system(d, "interne fout: ongeldige bestandsnaam '%s' in de uitvoer", rel);
        out_buf_free(buf);
        return -1;
    }
    set_file *f = grow(s->files, &s->cap, s->count, sizeof *f);
    if (!f)
        goto oom;
    s->files = f;
    f = &s->files[s->count];
    const char *base = strrchr(rel, '/');
    int folder = base ? (int)(base - rel + 1) : 0;
    base = base ? base + 1 : rel;
    f->tmp = NULL;
    if (asprintf(&f->path, "%s/%s", s->dir, rel) < 0)
        goto oom;
    if (asprintf(&f->tmp, "%s/%.*s.%s" TMP_SUFFIX, s->dir, folder, rel, base) < 0) {
        free(f->path);
        goto oom;
    }
    f->buf = *buf;
    buf->data = NULL;
    buf->len = 0;
    s->count++;
    return 0;
oom:
    out_buf_free(buf);
    diag_system(d, "onvoldoende geheugen");
    return -1;
}

size_t out_set_count(const out_set *s)
{
    return s->count;
}

const char *out_set_path(const out_set *s, size_t i)
{
    return s->files[i].path;
}

void out_set_free(out_set *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->count; i++) {
        free(s->files[i].path);
        free(s->files[i].tmp);
        out_buf_free(&s->files[i].buf);
    }
    for (size_t i = 0; i < s->n_made; i++)
        free(s->made[i]);
    free(s->made);
    free(s->files);
    free(s->dir);
    free(s);
}

/* Creates path's folders up to and including the last one, remembering
 * those this run made so a failed run can take them away again. */
static int make_folders(out_set *s, const char *path, diag_list *d)
{
    size_t len = strlen(path);
    char *p = malloc(len + 1);
    char **made = realloc(s->made, (s->n_made + len + 1) * sizeof *made);
    if (!p || !made) {
        free(p);
        diag_system(d, "onvoldoende geheugen");
        return -1;
    }
    s->made = made;
    memcpy(p, path, len + 1);
    for (size_t i = 1; i <= len; i++) {
        if (p[i] != '/' && p[i])
            continue;
        p[i] = '\0';
        if (mkdir(p, 0777) == 0) {
            if (!(s->made[s->n_made] = strdup(p))) {
                diag_system(d, "onvoldoende geheugen");
                free(p);
                return -1;
            }
            s->n_made++;
        } else if (errno != EEXIST) {
            diag_system(d, "kan map %s niet maken: %s", p, diag_errno_text(errno));
            free(p);
            return -1;
        } else {
            struct stat st;
            if (stat(p, &st) == 0 && !S_ISDIR(st.st_mode)) {
                diag_system(d, "kan map %s niet maken: er staat al een bestand met die naam", p);
                free(p);
                return -1;
            }
        }
        p[i] = path[i];
    }
    free(p);
    return 0;
}

/* Takes the folder's lock, waiting a while for another run to finish.
 * The lock file is removed again on release; a run that locked a file
 * that was removed meanwhile locks the new one instead. */
static int take_lock(const char *lock, diag_list *d)
{
    for (int tries = 0;; tries++) {
        int fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
        if (fd < 0) {
            diag_system(d, "kan %s niet maken: %s", lock, diag_errno_text(errno));
            return -1;
        }
        if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
            struct stat a, b;
            if (fstat(fd, &a) == 0 && stat(lock, &b) == 0 && a.st_ino == b.st_ino &&
                a.st_dev == b.st_dev)
                return fd;
        } else if (errno != EWOULDBLOCK && errno != EINTR) {
            diag_system(d, "kan %s niet vergrendelen: %s", lock, diag_errno_text(errno));
            close(fd);
            return -1;
        } else if (tries >= LOCK_WAIT_SECONDS * 10) {
            diag_system(d,
                        "een andere afspraken-opdracht schrijft nog in deze map (%s); "
                        "probeer het opnieuw als die klaar is",
                        lock);
            close(fd);
            return -1;
        }
        close(fd);
        nanosleep(&(struct timespec){0, 100 * 1000 * 1000}, NULL);
    }
}

static void release_lock(const char *lock, int fd)
{
    unlink(lock);
    close(fd);
}

/* The temporaries a killed run left: ".<name>.afspraken-tmp" in the
 * target folder and in its subfolders, where a run may have written. */
static void remove_stale(int parent, const char *folder, int depth)
{
    int fd = openat(parent, folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
    DIR *dir = fd >= 0 ? fdopendir(fd) : NULL;
    if (!dir) {
        if (fd >= 0)
            close(fd);
        return;
    }
    size_t suffix = strlen(TMP_SUFFIX);
    for (struct dirent *e; (e = readdir(dir));) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] == '.' && n > suffix + 1 && !strcmp(e->d_name + n - suffix, TMP_SUFFIX))
            unlinkat(fd, e->d_name, 0);
        else if (depth > 0 && e->d_name[0] != '.' && (e->d_type == DT_DIR || e->d_type == DT_UNKNOWN))
            remove_stale(fd, e->d_name, depth - 1);
    }
    closedir(dir);
}

static void on_signal(int sig)
{
    char *const *tmp = pending_tmp;
    for (sig_atomic_t i = 0; tmp && i < n_pending; i++)
        unlink(tmp[i]);
    if (pending_lock)
        unlink(pending_lock);
    signal(sig, SIG_DFL);
    raise(sig);
}

static int write_all(int fd, const unsigned char *p, size_t left)
{
    while (left > 0) {
        ssize_t n = write(fd, p, left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno;
        p += n;
        left -= (size_t)n;
    }
    return 0;
}

static int write_tmp(const set_file *f, diag_list *d)
{
    int fd = open(f->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (fd < 0) {
        diag_system(d, "kan %s niet schrijven: %s", f->path, diag_errno_text(errno));
        return -1;
    }
    int err = write_all(fd, f->buf.data, f->buf.len);
    if (!err && fsync(fd))
        err = errno;
    if (close(fd) && !err)
        err = errno;
    if (err)
        diag_system(d, "kan %s niet schrijven: %s", f->path, diag_errno_text(err));
    return err ? -1 : 0;
}

/* The folder part of path, for fsync and cleanup; caller frees. */
static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? strndup(path, (size_t)(slash - path)) : strdup(".");
}

static void sync_folder(const char *folder)
{
    int fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

/* A target that is a folder would make its rename fail after others had
 * succeeded; refuse it before renaming anything. */
static int targets_usable(const out_set *s, diag_list *d)
{
    for (size_t i = 0; i < s->count; i++) {
        struct stat st;
        if (lstat(s->files[i].path, &st) == 0 && S_ISDIR(st.st_mode)) {
            diag_system(d, "kan %s niet schrijven: %s", s->files[i].path,
                        diag_errno_text(EISDIR));
            return -1;
        }
    }
    return 0;
}

/* Stops before the renames when the test suite asks, so that it can kill
 * or signal a run at the one moment that matters. */
static void test_pause(void)
{
    const char *v = getenv("AFSPRAKEN_TEST_STOP_BEFORE_RENAME");
    if (v && *v)
        raise(SIGSTOP);
}

static int rename_all(const out_set *s, diag_list *d)
{
    sigset_t block, old;
    sigemptyset(&block);
    for (size_t i = 0; i < N_CAUGHT; i++)
        sigaddset(&block, caught[i]);
    sigprocmask(SIG_BLOCK, &block, &old);
    int rc = 0;
    for (size_t i = 0; i < s->count; i++) {
        if (rename(s->files[i].tmp, s->files[i].path)) {
            diag_system(d, "kan %s niet op zijn plaats zetten: %s", s->files[i].path,
                        diag_errno_text(errno));
            unlink(s->files[i].tmp);
            rc = -1;
        }
    }
    n_pending = 0;
    sigprocmask(SIG_SETMASK, &old, NULL);
    return rc;
}

int out_set_commit(out_set *s, diag_list *d)
{
    struct sigaction old[N_CAUGHT], act = {.sa_handler = on_signal};
    sigemptyset(&act.sa_mask);
    for (size_t i = 0; i < N_CAUGHT; i++)
        sigaddset(&act.sa_mask, caught[i]);
    /* A file-size limit must give EFBIG and a message, not kill us. */
    signal(SIGXFSZ, SIG_IGN);
    char *lock = NULL;
    int lock_fd = -1, rc = -1;
    char **tmps = malloc((s->count + 1) * sizeof *tmps);
    if (!tmps || asprintf(&lock, "%s/" LOCK_NAME, s->dir) < 0) {
        free(tmps);
        diag_system(d, "onvoldoende geheugen");
        return -1;
    }
    for (size_t i = 0; i < s->count; i++)
        tmps[i] = s->files[i].tmp;
    if (make_folders(s, s->dir, d))
        goto out;
    for (size_t i = 0; i < s->count; i++) {
        char *folder = folder_of(s->files[i].path);
        int bad = !folder || make_folders(s, folder, d);
        free(folder);
        if (bad)
            goto out;
    }
    if ((lock_fd = take_lock(lock, d)) < 0)
        goto out;
    remove_stale(AT_FDCWD, s->dir, 1);
    pending_lock = lock;
    pending_tmp = tmps;
    n_pending = 0;
    for (size_t i = 0; i < N_CAUGHT; i++)
        sigaction(caught[i], &act, &old[i]);
    size_t written = 0;
    while (written < s->count) {
        n_pending = (sig_atomic_t)(written + 1);
        if (write_tmp(&s->files[written], d))
            break;
        written++;
    }
    if (written == s->count && !targets_usable(s, d)) {
        test_pause();
        rc = rename_all(s, d);
        for (size_t i = 0; i < s->count; i++) {
            char *folder = folder_of(s->files[i].path);
            if (folder)
                sync_folder(folder);
            free(folder);
        }
    }
    for (size_t i = 0; i < (size_t)n_pending; i++)
        unlink(tmps[i]);
    n_pending = 0;
    for (size_t i = 0; i < N_CAUGHT; i++)
        sigaction(caught[i], &old[i], NULL);
    pending_tmp = NULL;
    pending_lock = NULL;
out:
    if (lock_fd >= 0)
        release_lock(lock, lock_fd);
    /* A run that wrote nothing leaves no new folder behind. */
    for (size_t i = s->n_made; rc && i-- > 0;)
        rmdir(s->made[i]);
    free(lock);
    free(tmps);
    return rc;
}
