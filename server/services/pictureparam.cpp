// See pictureparam.h.
#include "pictureparam.h"

#include "net/rpccall.h"
#include "uploadedpicture.h"

#include <QCryptographicHash>

namespace Muster {

bool PictureParam::read(const RpcCall &call, std::optional<StoredPicture> &picture)
{
    picture.reset();
    const QJsonValue image = call.params().value(QStringLiteral("image"));
    if (image.isNull())
        return true;
    if (!image.isString()) {
        call.fail(RpcError::invalidParams(
            QStringLiteral("\"image\" must be a base64 string, or null to remove the picture")));
        return false;
    }
    const auto decoded = QByteArray::fromBase64Encoding(
        image.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        call.fail(RpcError::invalidParams(QStringLiteral("\"image\" is not base64")));
        return false;
    }
    QString why;
    const std::optional<UploadedPicture> checked = UploadedPicture::inspect(*decoded, &why);
    if (!checked) {
        RpcError bad = RpcError::invalidParams(why);
        bad.reason = QStringLiteral("bad_image");
        call.fail(bad);
        return false;
    }
    picture = StoredPicture {
        QString::fromLatin1(QCryptographicHash::hash(*decoded, QCryptographicHash::Sha256).toHex()),
        checked->contentType, *decoded};
    return true;
}

} // namespace Muster
