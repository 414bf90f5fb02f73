// The picture validator (avatars, the anteroom's logo), fed whatever a person could upload: it
// must refuse or describe, never crash, overrun or inflate without a bound.
#include "services/uploadedpicture.h"

#include <cstdint>

using namespace Muster;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString why;
    const std::optional<UploadedPicture> image = UploadedPicture::inspect(bytes, &why);
    if (image
        && (image->width < UploadedPicture::kMinSide || image->width > UploadedPicture::kMaxSide
            || image->height < UploadedPicture::kMinSide
            || image->height > UploadedPicture::kMaxSide))
        __builtin_trap(); // accepted outside the stated sizes
    if (!image && why.isEmpty())
        __builtin_trap(); // refused without a reason for the person
    return 0;
}
