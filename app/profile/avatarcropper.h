// Shows a picture with a square selection over it: drag to move the square, scroll (or use
// setSelectionScale) to size it. What is inside the square becomes the avatar.
#pragma once

#include <QImage>
#include <QWidget>

namespace Muster {

class AvatarCropper : public QWidget
{
    Q_OBJECT
public:
    explicit AvatarCropper(QWidget *parent = nullptr);

    // Starts with the largest centred square.
    void setImage(const QImage &image);
    const QImage &image() const { return m_image; }
    // The selection's side as a fraction (0.1–1) of the picture's shorter side; keeps its centre.
    void setSelectionScale(qreal scale);
    qreal selectionScale() const { return m_scale; }
    // The selection in picture pixels.
    QRect selection() const;
    // The selection scaled to side × side.
    QImage cropped(int side) const;

    QSize sizeHint() const override { return {360, 360}; }

Q_SIGNALS:
    void selectionChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    // Where the picture is drawn, and the factor from picture to widget pixels.
    QRectF imageArea() const;
    qreal displayScale() const;
    void moveCentre(QPointF centre);

    QImage m_image;
    qreal m_scale = 1.0;
    QPointF m_centre; // of the selection, in picture pixels
    std::optional<QPointF> m_dragFrom; // widget position where a drag began
    QPointF m_centreAtDrag;
};

} // namespace Muster
