/* PDF through LibreOffice: the ODT writer's document, converted by
 * `soffice --headless` to tagged PDF/A-2b in a temporary folder with a
 * profile of its own (so a running LibreOffice of the user is neither
 * used nor disturbed), then read back into memory. LibreOffice stamps the
 * PDF with the time of conversion, so PDFs are not byte-reproducible; the
 * manifest's byte hash is what identifies one. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "output.h"

#define SOFFICE "soffice"
/* PDF/A-2b ("SelectPdfVersion" 2) and tagged, for archiving and screen
 * readers. */
#define PDF_FILTER                                                                                 \
    "pdf:writer_pdf_Export:{\"SelectPdfVersion\":{\"type\":\"long\",\"value\":\"2\"},"             \
    "\"UseTaggedPDF\":{\"type\":\"boolean\",\"value\":\"true\"}}"
/* A conversion that takes longer has hung. */
#define TIMEOUT_SECONDS 300

int pdf_available(void)
{
    const char *path = getenv("PATH");
    if (!path)
        return 0;
    char *copy = strdup(path), *save = NULL;
    int found = 0;
    for (char *dir = copy ? strtok_r(copy, ":", &save) : NULL; dir && !found;
         dir = strtok_r(NULL, ":", &save)) {
        char *exe;
        if (asprintf(&exe, "%s/%s", *dir ? dir : ".", SOFFICE) < 0)
            break;
        found = access(exe, X_OK) == 0;
        free(exe);
    }
    free(copy);
    return found;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

static int write_file(const char *path, const out_buf *buf)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int ok = fwrite(buf->data, 1, buf->len, f) == buf->len;
    return fclose(f) == 0 && ok ? 0 : -1;
}

static int read_file(const char *path, out_buf *out)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    struct stat st;
    int rc = -1;
    if (fstat(fileno(f), &st) == 0 && (out->data = malloc(st.st_size ? (size_t)st.st_size : 1))) {
        out->len = fread(out->data, 1, (size_t)st.st_size, f);
        rc = out->len == (size_t)st.st_size ? 0 : -1;
    }
    fclose(f);
    if (rc)
        out_buf_free(out);
    return rc;
}

/* Runs soffice on odt in dir; its own output goes to /dev/null. Returns
 * its exit status, or -1 when it could not be started or timed out. */
static int run_soffice(const char *dir, const char *odt)
{
    char *profile;
    if (asprintf(&profile, "-env:UserInstallation=file://%s/profiel", dir) < 0)
        return -1;
    char *argv[] = {SOFFICE,     "--headless",   "--norestore", "--nolockcheck",
                    profile,     "--convert-to", PDF_FILTER,    "--outdir",
                    (char *)dir, (char *)odt,    NULL};
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);
        if (null >= 0) {
            dup2(null, STDIN_FILENO);
            dup2(null, STDOUT_FILENO);
            dup2(null, STDERR_FILENO);
        }
        /* Its own process group, so a timeout ends its helpers too. */
        setpgid(0, 0);
        execvp(SOFFICE, argv);
        _exit(127);
    }
    free(profile);
    if (pid < 0)
        return -1;
    int status;
    struct timespec tick = {0, 100 * 1000 * 1000};
    for (int waited = 0;; waited++) {
        pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid)
            return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        if (r < 0 && errno != EINTR)
            return -1;
        if (waited >= TIMEOUT_SECONDS * 10) {
            kill(-pid, SIGKILL);
            waitpid(pid, &status, 0);
            return -1;
        }
        nanosleep(&tick, NULL);
    }
}

int pdf_render(const doc_node *doc, out_buf *out, diag_list *diags)
{
    out->data = NULL;
    out->len = 0;
    out_buf odt = {0};
    if (odt_render(doc, &odt, diags))
        return -1;
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp)
        tmp = "/tmp";
    char dir[PATH_MAX], odt_path[PATH_MAX + 16], pdf_path[PATH_MAX + 16];
    int rc = -1;
    if ((size_t)snprintf(dir, sizeof dir, "%s/afspraken-pdf-XXXXXX", tmp) >= sizeof dir ||
        !mkdtemp(dir)) {
        diag_system(diags, "PDF: kan geen tijdelijke map maken in %s: %s", tmp,
                    diag_errno_text(errno));
        out_buf_free(&odt);
        return -1;
    }
    snprintf(odt_path, sizeof odt_path, "%s/document.odt", dir);
    snprintf(pdf_path, sizeof pdf_path, "%s/document.pdf", dir);
    if (write_file(odt_path, &odt)) {
        diag_system(diags, "PDF: kan %s niet schrijven: %s", odt_path, diag_errno_text(errno));
    } else if (run_soffice(dir, odt_path) != 0 || read_file(pdf_path, out)) {
        diag_system(diags, "PDF: LibreOffice (soffice) kon het document niet omzetten; "
                           "probeer het ODT-bestand met 'soffice --headless --convert-to pdf'");
    } else {
        rc = 0;
    }
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    out_buf_free(&odt);
    return rc;
}
