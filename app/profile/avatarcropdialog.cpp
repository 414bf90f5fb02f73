// See avatarcropdialog.h.
#include "avatarcropdialog.h"

#include "avatarcache.h"
#include "avatarcropper.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>

namespace Muster {

namespace {
constexpr int kPreviewSide = 96;
} // namespace

AvatarCropDialog::AvatarCropDialog(const QImage &image, QWidget *parent)
    : QDialog(parent)
    , m_cropper(new AvatarCropper(this))
    , m_zoom(new QSlider(Qt::Horizontal, this))
    , m_preview(new QLabel(this))
{
    setWindowTitle(tr("Crop your picture"));
    setObjectName(QStringLiteral("avatarCropDialog"));
    m_cropper->setImage(image);
    m_zoom->setObjectName(QStringLiteral("zoom"));
    m_zoom->setRange(10, 100);
    m_zoom->setValue(100);
    m_zoom->setInvertedAppearance(true); // right = closer
    m_zoom->setToolTip(tr("Zoom"));
    m_preview->setFixedSize(kPreviewSide, kPreviewSide);

    auto *hint
        = new QLabel(tr("Drag the square to choose what shows; zoom to fit your face."), this);
    hint->setWordWrap(true);
    auto *side = new QVBoxLayout;
    side->addWidget(new QLabel(tr("Preview"), this));
    side->addWidget(m_preview);
    side->addStretch();
    auto *top = new QHBoxLayout;
    top->addWidget(m_cropper, 1);
    top->addLayout(side);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Use this picture"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(top, 1);
    layout->addWidget(m_zoom);
    layout->addWidget(buttons);

    connect(m_zoom, &QSlider::valueChanged, this,
        [this](int value) { m_cropper->setSelectionScale(value / 100.0); });
    connect(m_cropper, &AvatarCropper::selectionChanged, this, [this] {
        const QSignalBlocker block(m_zoom);
        m_zoom->setValue(qRound(m_cropper->selectionScale() * 100));
        updatePreview();
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updatePreview();
}

QImage AvatarCropDialog::result() const
{
    return m_cropper->cropped(kSide);
}

void AvatarCropDialog::updatePreview()
{
    m_preview->setPixmap(QPixmap::fromImage(AvatarCache::framed(
        m_cropper->cropped(kSide), kPreviewSide, m_preview->devicePixelRatioF())));
}

} // namespace Muster
