// Crop and resize before upload: the chosen picture with a movable square, a size slider and a
// preview of the avatar as the board will show it. The result is a square picture, encoded
// small enough for profile.setAvatar.
#pragma once

#include <QDialog>

class QLabel;
class QSlider;

namespace Muster {

class AvatarCropper;

class AvatarCropDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kSide = 256;

    explicit AvatarCropDialog(const QImage &image, QWidget *parent = nullptr);

    AvatarCropper *cropper() const { return m_cropper; }
    // The cropped square, kSide pixels wide.
    QImage result() const;
    // PNG when the picture has transparency, else JPEG; always within the server's size limit.
    static QByteArray encode(const QImage &square);

private:
    void updatePreview();

    AvatarCropper *m_cropper;
    QSlider *m_zoom;
    QLabel *m_preview;
};

} // namespace Muster
