/* Unit tests of the file set (output/fileset.c): files in subfolders and
 * any number of them land together; a path that could leave the target
 * folder is refused; a failure before the renames leaves the earlier
 * files byte for byte and no temporary or lock file behind. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"

static out_buf text_buf(const char *s)
{
    out_buf b = {(unsigned char *)strdup(s), strlen(s)};
    assert_non_null(b.data);
    return b;
}

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *s = calloc(1, 4096);
    assert_non_null(s);
    size_t n = fread(s, 1, 4095, f);
    s[n] = '\0';
    fclose(f);
    return s;
}

static void assert_file(const char *dir, const char *rel, const char *want)
{
    char *path;
    assert_true(asprintf(&path, "%s/%s", dir, rel) > 0);
    char *got = read_text(path);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
    free(path);
}

/* Names in dir (not below it) that start with '.', other than . and .. */
static int hidden_entries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        if (e->d_name[0] == '.' && strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            n++;
    closedir(d);
    return n;
}

static char *temp_dir(void)
{
    char *t = strdup("/tmp/afspraken-fileset-XXXXXX");
    assert_non_null(mkdtemp(t));
    return t;
}

static void remove_tree(const char *dir)
{
    char *cmd;
    assert_true(asprintf(&cmd, "rm -rf '%s'", dir) > 0);
    assert_int_equal(system(cmd), 0);
    free(cmd);
}

static void test_subfolders_and_many_files_land_together(void **state)
{
    (void)state;
    char *top = temp_dir(), *dir;
    assert_true(asprintf(&dir, "%s/nieuw/regio", top) > 0);
    diag_list d = {0};
    out_set *s = out_set_new(dir);
    assert_non_null(s);
    char name[64], body[64];
    for (int i = 0; i < 40; i++) {
        snprintf(name, sizeof name, i % 2 ? "verklaringen/v%02d.txt" : "d%02d.txt", i);
        snprintf(body, sizeof body, "inhoud %d", i);
        out_buf b = text_buf(body);
        assert_int_equal(out_set_add(s, name, &b, &d), 0);
        assert_null(b.data);
    }
    assert_int_equal(out_set_commit(s, &d), 0);
    assert_int_equal(d.count, 0);
    assert_int_equal(out_set_count(s), 40);
    for (size_t i = 0; i < out_set_count(s); i++) {
        snprintf(body, sizeof body, "inhoud %zu", i);
        assert_file("/", out_set_path(s, i), body);
    }
    assert_int_equal(hidden_entries(dir), 0);
    char *sub;
    assert_true(asprintf(&sub, "%s/verklaringen", dir) > 0);
    assert_int_equal(hidden_entries(sub), 0);
    out_set_free(s);
    free(sub);
    free(dir);
    remove_tree(top);
    free(top);
    diag_free(&d);
}

static void test_paths_outside_the_folder_are_refused(void **state)
{
    (void)state;
    static const char *const bad[] = {"../x", "/etc/x", "a//b", "", "a/./b", "a/..", "a/"};
    out_set *s = out_set_new("/tmp/nooit-gemaakt");
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        diag_list d = {0};
        out_buf b = text_buf("x");
        assert_int_equal(out_set_add(s, bad[i], &b, &d), -1);
        assert_null(b.data);
        assert_int_equal(diag_error_count(&d), 1);
        diag_free(&d);
    }
    assert_int_equal(out_set_count(s), 0);
    out_set_free(s);
}

static void test_failure_before_renames_keeps_earlier_set(void **state)
{
    (void)state;
    char *dir = temp_dir();
    diag_list d = {0};
    out_set *s = out_set_new(dir);
    out_buf a = text_buf("oud a"), b = text_buf("oud b");
    out_set_add(s, "a.txt", &a, &d);
    out_set_add(s, "b.txt", &b, &d);
    assert_int_equal(out_set_commit(s, &d), 0);
    out_set_free(s);
    /* A folder where the third file should go: only found after the
     * temporaries are written, and it must stop the renames. */
    char *blocker;
    assert_true(asprintf(&blocker, "%s/c.txt", dir) > 0);
    assert_int_equal(mkdir(blocker, 0777), 0);
    s = out_set_new(dir);
    a = text_buf("nieuw a");
    b = text_buf("nieuw b");
    out_buf c = text_buf("nieuw c");
    out_set_add(s, "a.txt", &a, &d);
    out_set_add(s, "b.txt", &b, &d);
    out_set_add(s, "c.txt", &c, &d);
    assert_int_equal(out_set_commit(s, &d), -1);
    assert_true(diag_has_system_error(&d));
    assert_non_null(strstr(d.items[0].message, "dit is een map, geen bestand"));
    assert_file(dir, "a.txt", "oud a");
    assert_file(dir, "b.txt", "oud b");
    assert_int_equal(hidden_entries(dir), 0);
    out_set_free(s);
    free(blocker);
    remove_tree(dir);
    free(dir);
    diag_free(&d);
}

static void test_stale_temporaries_are_removed(void **state)
{
    (void)state;
    char *dir = temp_dir(), *stale, *sub_stale, *keep;
    assert_true(asprintf(&stale, "%s/.x.odt.afspraken-tmp", dir) > 0);
    assert_true(asprintf(&sub_stale, "%s/verklaringen/.y.pdf.afspraken-tmp", dir) > 0);
    assert_true(asprintf(&keep, "%s/.verborgen", dir) > 0);
    char *sub;
    assert_true(asprintf(&sub, "%s/verklaringen", dir) > 0);
    assert_int_equal(mkdir(sub, 0777), 0);
    const char *const made[] = {stale, sub_stale, keep};
    for (size_t i = 0; i < sizeof made / sizeof *made; i++) {
        FILE *f = fopen(made[i], "w");
        assert_non_null(f);
        fclose(f);
    }
    diag_list d = {0};
    out_set *s = out_set_new(dir);
    out_buf a = text_buf("a");
    out_set_add(s, "a.txt", &a, &d);
    assert_int_equal(out_set_commit(s, &d), 0);
    assert_int_equal(access(stale, F_OK), -1);
    assert_int_equal(access(sub_stale, F_OK), -1);
    assert_int_equal(access(keep, F_OK), 0); /* not ours: left alone */
    out_set_free(s);
    free(stale);
    free(sub_stale);
    free(keep);
    free(sub);
    remove_tree(dir);
    free(dir);
    diag_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_subfolders_and_many_files_land_together),
        cmocka_unit_test(test_paths_outside_the_folder_are_refused),
        cmocka_unit_test(test_failure_before_renames_keeps_earlier_set),
        cmocka_unit_test(test_stale_temporaries_are_removed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
