// The avatar validator, fed whatever a person could upload as a picture: it must refuse or
// describe, never crash, overrun or inflate without a bound.
#include "services/avatarimage.h"

#include <cstdint>

using namespace Muster;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString why;
    const std::optional<AvatarImage> image = AvatarImage::inspect(bytes, &why);
    if (image
        && (image->width < AvatarImage::kMinSide || image->width > AvatarImage::kMaxSide
            || image->height < AvatarImage::kMinSide || image->height > AvatarImage::kMaxSide))
        __builtin_trap(); // accepted outside the stated sizes
    if (!image && why.isEmpty())
        __builtin_trap(); // refused without a reason for the person
    return 0;
}
