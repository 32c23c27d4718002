/* Checking a PNG or JPEG by its header (see image.h). */
#include "image.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define HINT_TYPE "Sla het logo op als PNG of JPEG; een andere bestandsnaam alleen verandert het " \
                  "soort bestand niet."
#define HINT_RESAVE "Open het logo in een tekenprogramma en sla het opnieuw op als PNG of JPEG."

static void problem(diag_list *diags, src_pos at, const char *hint, const char *fmt,
                    const char *shown)
{
    diag_input(diags, at.file, at.line, at.column, hint, fmt, shown);
}

static unsigned be16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

static unsigned long be32(const unsigned char *p)
{
    return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

/* The bit depths PNG allows for each colour type (PNG 11.2.2), as bits
 * of a mask: bit n set allows depth n. */
static int png_depth_allowed(unsigned color, unsigned depth)
{
    static const unsigned masks[7] = {
        [0] = 1u << 1 | 1u << 2 | 1u << 4 | 1u << 8 | 1u << 16,
        [2] = 1u << 8 | 1u << 16,
        [3] = 1u << 1 | 1u << 2 | 1u << 4 | 1u << 8,
        [4] = 1u << 8 | 1u << 16,
        [6] = 1u << 8 | 1u << 16,
    };
    return color < 7 && depth <= 16 && (masks[color] >> depth & 1);
}

/* The signature, then IHDR as the first chunk: length 13, width, height,
 * bit depth, colour type, and compression, filter and interlace methods. */
static int png_size(const unsigned char *d, size_t len, unsigned long *w, unsigned long *h)
{
    if (len < 33 || be32(d + 8) != 13 || memcmp(d + 12, "IHDR", 4) ||
        !png_depth_allowed(d[25], d[24]) || d[26] || d[27] || d[28] > 1)
        return -1;
    *w = be32(d + 16);
    *h = be32(d + 20);
    return 0;
}

static const unsigned char png_signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

/* Markers without a length: TEM, RSTn, and SOI itself. */
static int jpeg_standalone(unsigned m)
{
    return m == 0x01 || (m >= 0xD0 && m <= 0xD8);
}

/* SOF0 to SOF15 but DHT (C4), JPG (C8) and DAC (CC). */
static int jpeg_sof(unsigned m)
{
    return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

enum { JPEG_DAMAGED = -1, JPEG_UNSUPPORTED = -2 };

/* Walks the marker segments from SOI to the first frame header (SOF),
 * which holds the size; scan data (after SOS) comes after it. Baseline,
 * extended and progressive Huffman JPEG (SOF0-SOF2) are what Word and
 * LibreOffice both show. */
static int jpeg_size(const unsigned char *d, size_t len, unsigned long *w, unsigned long *h)
{
    size_t i = 2;
    while (i < len) {
        if (d[i] != 0xFF)
            return JPEG_DAMAGED;
        while (i < len && d[i] == 0xFF)
            i++;
        if (i >= len)
            return JPEG_DAMAGED;
        unsigned m = d[i++];
        if (jpeg_standalone(m))
            continue;
        if (m == 0xD9 || m == 0xDA || len - i < 2)
            return JPEG_DAMAGED;
        size_t seg = be16(d + i);
        if (seg < 2 || seg > len - i)
            return JPEG_DAMAGED;
        if (jpeg_sof(m)) {
            if (seg < 8)
                return JPEG_DAMAGED;
            if (m > 0xC2)
                return JPEG_UNSUPPORTED;
            *h = be16(d + i + 3);
            *w = be16(d + i + 5);
            return 0;
        }
        i += seg;
    }
    return JPEG_DAMAGED;
}

int image_identify(const unsigned char *d, size_t len, doc_image *out, const char *shown,
                   src_pos at, diag_list *diags)
{
    unsigned long w, h;
    if (len >= sizeof png_signature && !memcmp(d, png_signature, sizeof png_signature)) {
        if (png_size(d, len, &w, &h)) {
            problem(diags, at, HINT_RESAVE,
                    "logo '%s' is een beschadigd PNG-bestand: de kop met de afmetingen (IHDR) "
                    "ontbreekt of klopt niet", shown);
            return -1;
        }
        out->type = DOC_IMAGE_PNG;
    } else if (len >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF) {
        int rc = jpeg_size(d, len, &w, &h);
        if (rc == JPEG_UNSUPPORTED) {
            problem(diags, at, HINT_RESAVE,
                    "logo '%s' is een JPEG van een soort die Word en LibreOffice niet allebei "
                    "tonen (verliesvrij of rekenkundig gecodeerd)", shown);
            return -1;
        }
        if (rc) {
            problem(diags, at, HINT_RESAVE,
                    "logo '%s' is een beschadigd JPEG-bestand: de kop met de afmetingen (SOF) "
                    "ontbreekt of klopt niet", shown);
            return -1;
        }
        out->type = DOC_IMAGE_JPEG;
    } else {
        problem(diags, at, HINT_TYPE, "logo '%s' is geen PNG- of JPEG-bestand", shown);
        return -1;
    }
    if (w < 1 || h < 1 || w > IMAGE_MAX_SIDE || h > IMAGE_MAX_SIDE) {
        diag_input(diags, at.file, at.line, at.column,
                   "Sla het logo op met elke zijde van 1 tot en met 8000 pixels; voor 2 cm hoog "
                   "is 600 pixels ruim.",
                   "logo '%s' is %lu bij %lu pixels", shown, w, h);
        return -1;
    }
    if (w > h * IMAGE_MAX_RATIO || h > w * IMAGE_MAX_RATIO) {
        diag_input(diags, at.file, at.line, at.column,
                   "Een logo mag ten hoogste 20 keer zo breed als hoog zijn, of omgekeerd.",
                   "logo '%s' is %lu bij %lu pixels: te smal om te tonen", shown, w, h);
        return -1;
    }
    out->width_px = (int)w;
    out->height_px = (int)h;
    return 0;
}

/* The whole file into arena memory; the size fstat gave must be what
 * reading finds, or the file changed under us. */
static unsigned char *read_all(int fd, size_t size, arena *a, int *err)
{
    unsigned char *buf = arena_alloc(a, size ? size : 1);
    if (!buf) {
        *err = ENOMEM;
        return NULL;
    }
    size_t got = 0;
    for (;;) {
        /* One byte past the size to see the file has not grown. */
        unsigned char extra;
        ssize_t n = got < size ? read(fd, buf + got, size - got) : read(fd, &extra, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *err = errno;
            return NULL;
        }
        if (n == 0 || got == size) {
            *err = n == 0 && got == size ? 0 : EAGAIN;
            return *err ? NULL : buf;
        }
        got += (size_t)n;
    }
}

int image_read(const char *path, const char *shown, src_pos at, arena *a, doc_image *out,
               diag_list *diags)
{
    /* O_NONBLOCK: opening a FIFO must not wait for a writer. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        diag_input(diags, at.file, at.line, at.column,
                   "Controleer de naam: die telt vanaf de map van het regiobestand.",
                   "logo '%s' kan niet worden geopend: %s", shown, diag_errno_text(errno));
        return -1;
    }
    struct stat st;
    int rc = -1;
    if (fstat(fd, &st)) {
        diag_input(diags, at.file, at.line, at.column, NULL, "logo '%s' kan niet worden gelezen: %s",
                   shown, diag_errno_text(errno));
    } else if (S_ISDIR(st.st_mode)) {
        problem(diags, at, "Noem het bestand van het logo, niet de map.",
                "logo '%s' is een map, geen bestand", shown);
    } else if (!S_ISREG(st.st_mode)) {
        problem(diags, at, "Noem een gewoon PNG- of JPEG-bestand.",
                "logo '%s' is geen gewoon bestand", shown);
    } else if (st.st_size > (off_t)IMAGE_MAX_BYTES) {
        /* Megabytes with a decimal comma, rounded up: never "2,0" for a
         * file over the limit. */
        long long tenths = ((long long)st.st_size * 10 + 1024 * 1024 - 1) / (1024 * 1024);
        diag_input(diags, at.file, at.line, at.column,
                   "Sla het logo kleiner op; voor 2 cm hoog is 600 pixels ruim.",
                   "logo '%s' is %lld,%lld MB; een logo mag ten hoogste 2 MB zijn", shown,
                   tenths / 10, tenths % 10);
    } else if (st.st_size == 0) {
        problem(diags, at, HINT_TYPE, "logo '%s' is leeg", shown);
    } else {
        int err = 0;
        unsigned char *data = read_all(fd, (size_t)st.st_size, a, &err);
        if (err == ENOMEM)
            diag_system(diags, "onvoldoende geheugen voor logo '%s'", shown);
        else if (err == EAGAIN)
            problem(diags, at, "Genereer opnieuw als het bestand klaar is.",
                    "logo '%s' veranderde tijdens het lezen", shown);
        else if (err)
            diag_input(diags, at.file, at.line, at.column, NULL,
                       "logo '%s' kan niet worden gelezen: %s", shown, diag_errno_text(err));
        else if (image_identify(data, (size_t)st.st_size, out, shown, at, diags) == 0) {
            out->data = data;
            out->len = (size_t)st.st_size;
            rc = 0;
        }
    }
    close(fd);
    return rc;
}
