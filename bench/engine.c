/* In-process benchmark of one region: load and check the model, load the
 * region, assemble, render ODT and DOCX; repeated, so what is measured is
 * the work per region without the start-up of the process and its shared
 * libraries (which bench/run.sh reports separately). Writes nothing. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "../generator/assemble.h"
#include "../generator/check.h"
#include "../output/output.h"

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* One region from files to ODT and DOCX bytes; 0 on success. */
static int one_region(const char *model_path, const char *region_path)
{
    diag_list d = {0};
    out_buf odt = {0}, docx = {0};
    assemble_options opt = {(time_t)-1};
    model *m = model_load(model_path, &d);
    if (m)
        model_check(m, 0, &d);
    region *r = m ? region_load(region_path, &d) : NULL;
    doc_node *doc = r && !diag_error_count(&d) ? assemble(m, r, &opt, &d) : NULL;
    int rc = !doc || odt_render(doc, &odt, &d) || docx_render(doc, &docx, &d);
    if (rc)
        diag_print(&d, stderr);
    out_buf_free(&odt);
    out_buf_free(&docx);
    doc_free(doc);
    region_free(r);
    model_free(m);
    diag_free(&d);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fputs("gebruik: afspraken-bench MODEL REGIO AANTAL\n", stderr);
        return 2;
    }
    int n = atoi(argv[3]);
    double *ms = calloc(n > 0 ? (size_t)n : 1, sizeof *ms);
    if (!ms || n < 1)
        return 2;
    for (int i = 0; i < n; i++) {
        double t0 = now_ms();
        if (one_region(argv[1], argv[2]))
            return 2;
        ms[i] = now_ms() - t0;
    }
    qsort(ms, (size_t)n, sizeof *ms, cmp_double);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    /* Median per region and peak RSS in KiB, for bench/run.sh. */
    printf("%.3f %ld\n", n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2, ru.ru_maxrss);
    free(ms);
    return 0;
}
