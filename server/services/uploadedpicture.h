// What the server checks of an uploaded picture (an avatar, the anteroom's logo) before it
// stores it: a well-formed PNG or baseline/progressive JPEG of sensible dimensions. It walks the
// container structure and, for a PNG, inflates the pixel data into a buffer bounded by the
// dimensions (never drawing it), so truncated, padded, mislabelled, corrupted or bomb-like files
// are refused and every client can trust what it is served.
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Muster {

class UploadedPicture
{
public:
    static constexpr qsizetype kMaxBytes = 256 * 1024;
    static constexpr int kMinSide = 16;
    static constexpr int kMaxSide = 1024;

    QByteArray contentType; // "image/png" or "image/jpeg"
    int width = 0;
    int height = 0;

    // The image's description, or nullopt with *why set to a sentence for the user.
    static std::optional<UploadedPicture> inspect(const QByteArray &data, QString *why);

private:
    static std::optional<UploadedPicture> inspectPng(const QByteArray &data, QString *why);
    static std::optional<UploadedPicture> inspectJpeg(const QByteArray &data, QString *why);
};

} // namespace Muster
