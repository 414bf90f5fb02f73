// See avatarcropper.h.
#include "avatarcropper.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

namespace Muster {

namespace {
constexpr qreal kMinScale = 0.1;
}

AvatarCropper::AvatarCropper(QWidget *parent)
    : QWidget(parent)
{
    setCursor(Qt::OpenHandCursor);
    setMinimumSize(200, 200);
}

void AvatarCropper::setImage(const QImage &image)
{
    m_image = image;
    m_scale = 1.0;
    m_centre = QPointF(image.width() / 2.0, image.height() / 2.0);
    update();
    Q_EMIT selectionChanged();
}

void AvatarCropper::setSelectionScale(qreal scale)
{
    scale = std::clamp(scale, kMinScale, 1.0);
    if (qFuzzyCompare(scale, m_scale))
        return;
    m_scale = scale;
    moveCentre(m_centre); // a bigger square may no longer fit where it was
}

QRect AvatarCropper::selection() const
{
    if (m_image.isNull())
        return {};
    const int side = qMax(1, qRound(qMin(m_image.width(), m_image.height()) * m_scale));
    const QRect square(
        qRound(m_centre.x() - side / 2.0), qRound(m_centre.y() - side / 2.0), side, side);
    // Rounding may push a full-size square a pixel out: pull it back in.
    return square.translated(
        qMax(0, -square.left()) - qMax(0, square.right() - m_image.width() + 1),
        qMax(0, -square.top()) - qMax(0, square.bottom() - m_image.height() + 1));
}

QImage AvatarCropper::cropped(int side) const
{
    if (m_image.isNull())
        return {};
    return m_image.copy(selection())
        .scaled(side, side, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

QRectF AvatarCropper::imageArea() const
{
    if (m_image.isNull())
        return {};
    const QSizeF fitted = QSizeF(m_image.size()).scaled(QSizeF(size()), Qt::KeepAspectRatio);
    return QRectF(
        QPointF((width() - fitted.width()) / 2, (height() - fitted.height()) / 2), fitted);
}

qreal AvatarCropper::displayScale() const
{
    return m_image.isNull() ? 1.0 : imageArea().width() / m_image.width();
}

void AvatarCropper::moveCentre(QPointF centre)
{
    const qreal half = qMin(m_image.width(), m_image.height()) * m_scale / 2;
    m_centre = QPointF(std::clamp(centre.x(), half, m_image.width() - half),
        std::clamp(centre.y(), half, m_image.height() - half));
    update();
    Q_EMIT selectionChanged();
}

void AvatarCropper::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Window).darker(115));
    if (m_image.isNull())
        return;
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF area = imageArea();
    p.drawImage(area, m_image);
    const qreal k = displayScale();
    const QRect s = selection();
    const QRectF shown(
        area.left() + s.left() * k, area.top() + s.top() * k, s.width() * k, s.height() * k);
    // Dim what will be cut away; outline the rounded square the avatar will be.
    QPainterPath outside;
    outside.addRect(area);
    QPainterPath kept;
    kept.addRoundedRect(shown, shown.width() * 0.22, shown.height() * 0.22);
    p.fillPath(outside.subtracted(kept), QColor(0, 0, 0, 140));
    p.setPen(QPen(Qt::white, 2));
    p.drawPath(kept);
}

void AvatarCropper::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_image.isNull())
        return;
    m_dragFrom = event->position();
    m_centreAtDrag = m_centre;
    setCursor(Qt::ClosedHandCursor);
}

void AvatarCropper::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragFrom)
        return;
    moveCentre(m_centreAtDrag + (event->position() - *m_dragFrom) / displayScale());
}

void AvatarCropper::mouseReleaseEvent(QMouseEvent *)
{
    m_dragFrom.reset();
    setCursor(Qt::OpenHandCursor);
}

void AvatarCropper::wheelEvent(QWheelEvent *event)
{
    // One wheel notch (120) makes the square 5 % smaller (zooming in) or larger.
    setSelectionScale(m_scale * std::pow(0.95, event->angleDelta().y() / 120.0));
    event->accept();
}

} // namespace Muster
