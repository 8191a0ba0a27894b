#include <png.h>

/// The worst-case size of a PNG file written by png_image_write_to_memory, so one
/// buffer suffices and the image is compressed once (PNG_IMAGE_PNG_SIZE_MAX is a macro).
static inline png_alloc_size_t sapu_png_image_png_size_max(const png_image *image) {
    return PNG_IMAGE_PNG_SIZE_MAX(*image);
}
