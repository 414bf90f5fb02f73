// Crop and resize before upload: the chosen picture with a movable square, a size slider and a
// preview of the avatar as the board will show it. The result is a square picture, for
// PictureUpload to encode.
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

private:
    void updatePreview();

    AvatarCropper *m_cropper;
    QSlider *m_zoom;
    QLabel *m_preview;
};

} // namespace Muster
