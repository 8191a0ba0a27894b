#include <zbar.h>

/// The fourcc of 8-bit grey ("Y800"); zbar_fourcc is a function-like macro.
static inline unsigned long sapu_zbar_fourcc_y800(void) {
    return zbar_fourcc('Y', '8', '0', '0');
}
