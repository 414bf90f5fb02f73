// The "image" param of the methods that take a picture (profile.setAvatar,
// chat.settings.setLogo): base64 of a PNG or JPEG that UploadedPicture accepts, or null to
// remove the picture. Refusals share one wording and the reason "bad_image".
#pragma once

#include "db/storedpicture.h"

#include <optional>

namespace Muster {

class RpcCall;

class PictureParam
{
public:
    // True with `picture` set to the checked upload, or empty for null; false once the call has
    // been failed with what is wrong.
    static bool read(const RpcCall &call, std::optional<StoredPicture> &picture);
};

} // namespace Muster
