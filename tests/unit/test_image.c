/* The logo's header check: the kinds of PNG and JPEG headers image_identify
 * takes and refuses, built byte by byte, and the size the house style
 * shows a picture at. The functional tests (test_logo.py) read real files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "image.h"
#include "style.h"

static const src_pos at = {"regio.yaml", 12, 7};

/* 0, or the number of errors reported; *img gets what was identified. */
static size_t identify(const unsigned char *d, size_t len, doc_image *img)
{
    diag_list diags = {0};
    memset(img, 0, sizeof *img);
    int rc = image_identify(d, len, img, "logo.x", at, &diags);
    size_t errors = diag_error_count(&diags);
    if (errors) {
        assert_int_equal(diags.items[0].line, 12);
        assert_int_equal(diags.items[0].column, 7);
        assert_int_equal(diags.items[0].class, DIAG_INPUT);
    }
    assert_int_equal(rc, errors ? -1 : 0);
    diag_free(&diags);
    return errors;
}

static void put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

/* Signature and IHDR (CRC not checked, so left zero). */
static void png(unsigned char d[33], uint32_t w, uint32_t h, int depth, int color)
{
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    memset(d, 0, 33);
    memcpy(d, sig, 8);
    put32(d + 8, 13);
    memcpy(d + 12, "IHDR", 4);
    put32(d + 16, w);
    put32(d + 20, h);
    d[24] = (unsigned char)depth;
    d[25] = (unsigned char)color;
}

static void test_png_header_gives_type_and_size(void **state)
{
    (void)state;
    unsigned char d[33];
    doc_image img;
    png(d, 300, 120, 8, 6);
    assert_int_equal(identify(d, sizeof d, &img), 0);
    assert_int_equal(img.type, DOC_IMAGE_PNG);
    assert_int_equal(img.width_px, 300);
    assert_int_equal(img.height_px, 120);
    png(d, 16, 16, 1, 3); /* a palette of two colours */
    assert_int_equal(identify(d, sizeof d, &img), 0);
}

static void test_damaged_png_headers_are_refused(void **state)
{
    (void)state;
    unsigned char d[33];
    doc_image img;
    png(d, 300, 120, 8, 6);
    assert_int_equal(identify(d, 32, &img), 1); /* cut short */
    png(d, 300, 120, 4, 6);                     /* RGBA has no 4-bit depth */
    assert_int_equal(identify(d, sizeof d, &img), 1);
    png(d, 300, 120, 8, 6);
    memcpy(d + 12, "IDAT", 4);
    assert_int_equal(identify(d, sizeof d, &img), 1);
}

static void test_pixel_sizes_have_bounds(void **state)
{
    (void)state;
    unsigned char d[33];
    doc_image img;
    png(d, 0, 120, 8, 2);
    assert_int_equal(identify(d, sizeof d, &img), 1);
    png(d, IMAGE_MAX_SIDE + 1, 1000, 8, 2);
    assert_int_equal(identify(d, sizeof d, &img), 1);
    png(d, IMAGE_MAX_SIDE, IMAGE_MAX_SIDE / IMAGE_MAX_RATIO, 8, 2);
    assert_int_equal(identify(d, sizeof d, &img), 0);
    png(d, 10, 10 * IMAGE_MAX_RATIO + 1, 8, 2);
    assert_int_equal(identify(d, sizeof d, &img), 1);
}

/* SOI, an APP0 segment to walk past, then a frame header of kind sof
 * (height 80, width 200, three components). */
static size_t jpeg(unsigned char *d, unsigned sof)
{
    static const unsigned char head[] = {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x06, 'J', 'F', 'I', 'F'};
    const unsigned char frame[] = {0xFF, (unsigned char)sof, 0x00, 0x11, 8, 0x00, 80, 0x00, 200, 3,
                                   1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1};
    memcpy(d, head, sizeof head);
    memcpy(d + sizeof head, frame, sizeof frame);
    return sizeof head + sizeof frame;
}

static void test_jpeg_frame_header_gives_type_and_size(void **state)
{
    (void)state;
    unsigned char d[64];
    doc_image img;
    for (unsigned sof = 0xC0; sof <= 0xC2; sof++) {
        assert_int_equal(identify(d, jpeg(d, sof), &img), 0);
        assert_int_equal(img.type, DOC_IMAGE_JPEG);
        assert_int_equal(img.width_px, 200);
        assert_int_equal(img.height_px, 80);
    }
}

static void test_other_jpegs_and_other_files_are_refused(void **state)
{
    (void)state;
    unsigned char d[64];
    doc_image img;
    assert_int_equal(identify(d, jpeg(d, 0xC3), &img), 1); /* lossless */
    assert_int_equal(identify(d, jpeg(d, 0xC9), &img), 1); /* arithmetic */
    size_t n = jpeg(d, 0xC0);
    assert_int_equal(identify(d, n - 10, &img), 1); /* frame header cut */
    d[5] = 0x40;                                     /* APP0 longer than the file */
    assert_int_equal(identify(d, n, &img), 1);
    static const unsigned char sos_first[] = {0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02};
    assert_int_equal(identify(sos_first, sizeof sos_first, &img), 1);
    static const unsigned char gif[] = "GIF89a\x01\x00\x01\x00";
    assert_int_equal(identify(gif, sizeof gif - 1, &img), 1);
    assert_int_equal(identify(gif, 0, &img), 1);
}

static void test_logo_is_2_cm_high_and_never_wider_than_the_text(void **state)
{
    (void)state;
    int w, h;
    style_logo_size(300, 120, &w, &h);
    assert_int_equal(w, 5000);
    assert_int_equal(h, STYLE_LOGO_HEIGHT);
    style_logo_size(1, 20, &w, &h);
    assert_int_equal(w, 100);
    assert_int_equal(h, STYLE_LOGO_HEIGHT);
    style_logo_size(2000, 100, &w, &h); /* 40 cm at 2 cm high */
    assert_int_equal(w, style_text_width());
    assert_int_equal(h, 800);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_png_header_gives_type_and_size),
        cmocka_unit_test(test_damaged_png_headers_are_refused),
        cmocka_unit_test(test_pixel_sizes_have_bounds),
        cmocka_unit_test(test_jpeg_frame_header_gives_type_and_size),
        cmocka_unit_test(test_other_jpegs_and_other_files_are_refused),
        cmocka_unit_test(test_logo_is_2_cm_high_and_never_wider_than_the_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
