#include <setjmp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <jpeglib.h>
#include <jerror.h>

/* libjpeg reports a fatal error by calling error_exit, which by default prints and calls
 * exit(). Here error_exit longjmps back to the C function below that set the jump, so no
 * Swift frame is ever jumped over: each function returns one of these codes instead. */
enum {
    SAPU_JPEG_OK = 0,
    /* Not a JPEG libjpeg can read (bad markers, an unsupported colour space, ...). */
    SAPU_JPEG_UNREADABLE = 1,
    /* A JPEG whose compressed data ends early or is corrupt: its pixels would be partly made up. */
    SAPU_JPEG_DAMAGED = 2,
};

/* A progressive JPEG can carry thousands of tiny scans that take minutes to decode;
 * a real photo has at most a dozen. */
#define SAPU_JPEG_MAXIMUM_SCANS 100

struct sapu_jpeg_error {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    int status;
};

static inline void sapu_jpeg_error_exit(j_common_ptr cinfo) {
    struct sapu_jpeg_error *error = (struct sapu_jpeg_error *)cinfo->err;
    if (error->status == SAPU_JPEG_OK) error->status = SAPU_JPEG_UNREADABLE;
    longjmp(error->jump, 1);
}

/* Nothing is printed on stderr. A warning that means the compressed data is cut short
 * or corrupt stops decoding: the image is refused as damaged rather than scanned with
 * made-up grey where the data was missing. */
static inline void sapu_jpeg_emit_message(j_common_ptr cinfo, int level) {
    if (level >= 0) return;
    switch (cinfo->err->msg_code) {
    case JWRN_JPEG_EOF:
    case JWRN_HIT_MARKER:
    case JWRN_MUST_RESYNC:
    case JWRN_HUFF_BAD_CODE:
    case JWRN_BOGUS_PROGRESSION:
    case JWRN_NOT_SEQUENTIAL:
        ((struct sapu_jpeg_error *)cinfo->err)->status = SAPU_JPEG_DAMAGED;
        longjmp(((struct sapu_jpeg_error *)cinfo->err)->jump, 1);
    default:
        break;
    }
}

static inline void sapu_jpeg_output_message(j_common_ptr cinfo) { (void)cinfo; }

static inline void sapu_jpeg_progress(j_common_ptr cinfo) {
    if (cinfo->is_decompressor && ((j_decompress_ptr)cinfo)->input_scan_number > SAPU_JPEG_MAXIMUM_SCANS) {
        ((struct sapu_jpeg_error *)cinfo->err)->status = SAPU_JPEG_DAMAGED;
        longjmp(((struct sapu_jpeg_error *)cinfo->err)->jump, 1);
    }
}

static inline void sapu_jpeg_error_setup(struct sapu_jpeg_error *error) {
    jpeg_std_error(&error->base);
    error->base.error_exit = sapu_jpeg_error_exit;
    error->base.emit_message = sapu_jpeg_emit_message;
    error->base.output_message = sapu_jpeg_output_message;
    error->status = SAPU_JPEG_OK;
}

/* The image's size as its frame header declares it, before any pixel memory is taken.
 * A side over libjpeg's own limit (65,500 pixels) is still given as declared, so that the
 * caller refuses the image for its size, as any other image too large. */
static inline int sapu_jpeg_read_size(const unsigned char *data, size_t size,
                                      unsigned int *width, unsigned int *height) {
    struct jpeg_decompress_struct cinfo;
    struct sapu_jpeg_error error;
    if (size == 0 || size > (size_t)(unsigned long)-1) return SAPU_JPEG_UNREADABLE;
    sapu_jpeg_error_setup(&error);
    cinfo.err = &error.base;
    if (setjmp(error.jump)) {
        int status = error.status;
        if (error.base.msg_code == JERR_IMAGE_TOO_BIG && cinfo.image_width > 0 && cinfo.image_height > 0) {
            *width = cinfo.image_width;
            *height = cinfo.image_height;
            status = SAPU_JPEG_OK;
        }
        jpeg_destroy_decompress(&cinfo);
        return status;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, (unsigned long)size);
    jpeg_read_header(&cinfo, TRUE);
    *width = cinfo.image_width;
    *height = cinfo.image_height;
    jpeg_destroy_decompress(&cinfo);
    return SAPU_JPEG_OK;
}

/* Decodes the image as 8-bit grey into `pixels`, `width` × `height` bytes, row after row;
 * the size must be the one sapu_jpeg_read_size gave. */
static inline int sapu_jpeg_decode_gray(const unsigned char *data, size_t size, unsigned char *pixels,
                                        unsigned int width, unsigned int height) {
    struct jpeg_decompress_struct cinfo;
    struct sapu_jpeg_error error;
    struct jpeg_progress_mgr progress;
    if (size == 0 || size > (size_t)(unsigned long)-1) return SAPU_JPEG_UNREADABLE;
    sapu_jpeg_error_setup(&error);
    cinfo.err = &error.base;
    if (setjmp(error.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return error.status;
    }
    jpeg_create_decompress(&cinfo);
    progress.progress_monitor = sapu_jpeg_progress;
    cinfo.progress = &progress;
    jpeg_mem_src(&cinfo, data, (unsigned long)size);
    jpeg_read_header(&cinfo, TRUE);
    if (cinfo.image_width != width || cinfo.image_height != height) {
        jpeg_destroy_decompress(&cinfo);
        return SAPU_JPEG_UNREADABLE;
    }
    cinfo.out_color_space = JCS_GRAYSCALE;
    jpeg_start_decompress(&cinfo);
    if (cinfo.output_width != width || cinfo.output_height != height || cinfo.output_components != 1) {
        jpeg_destroy_decompress(&cinfo);
        return SAPU_JPEG_UNREADABLE;
    }
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW row = pixels + (size_t)cinfo.output_scanline * width;
        jpeg_read_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    return SAPU_JPEG_OK;
}

/* Compresses 8-bit grey pixels (`width` × `height` bytes, row after row) as a baseline JPEG
 * at `quality` (1 to 100). On success `*file` holds `*file_size` bytes to release with free(). */
static inline int sapu_jpeg_encode_gray(const unsigned char *pixels, unsigned int width, unsigned int height,
                                        int quality, unsigned char **file, unsigned long *file_size) {
    struct jpeg_compress_struct cinfo;
    struct sapu_jpeg_error error;
    *file = NULL;
    *file_size = 0;
    sapu_jpeg_error_setup(&error);
    cinfo.err = &error.base;
    if (setjmp(error.jump)) {
        jpeg_destroy_compress(&cinfo);
        free(*file);
        *file = NULL;
        *file_size = 0;
        return error.status;
    }
    jpeg_create_compress(&cinfo);
    jpeg_mem_dest(&cinfo, file, file_size);
    cinfo.image_width = width;
    cinfo.image_height = height;
    cinfo.input_components = 1;
    cinfo.in_color_space = JCS_GRAYSCALE;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, quality, TRUE);
    jpeg_start_compress(&cinfo, TRUE);
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW row = (JSAMPROW)pixels + (size_t)cinfo.next_scanline * width;
        jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    return SAPU_JPEG_OK;
}

static inline void sapu_jpeg_free(unsigned char *file) { free(file); }
