// Screenshots of the desktop places as their users see them, in a light and a dark palette (as a
// dark desktop theme gives it), saved when MUSTER_SCREENSHOT_DIR is set. Header-only: only the
// desktop suites, which link Qt Widgets, include it.
#pragma once

#include <QApplication>
#include <QDir>
#include <QPalette>
#include <QStyle>
#include <QWidget>

namespace Muster::Test {

// The application's palette: a dark one, or the style's own.
inline void usePalette(bool dark)
{
    if (!dark) {
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    }
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    p.setColor(QPalette::AlternateBase, QColor(0x2b, 0x2d, 0x31));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Mid, QColor(0x55, 0x57, 0x5b));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    QApplication::setPalette(p);
}

// Saves `widget` as NAME.png and NAME-dark.png; true when there was nothing to do.
inline bool saveScreenshots(QWidget &widget, const QString &name)
{
    const QString shots = qEnvironmentVariable("MUSTER_SCREENSHOT_DIR");
    if (shots.isEmpty())
        return true;
    if (!widget.grab().save(QDir(shots).filePath(name + QStringLiteral(".png"))))
        return false;
    usePalette(true);
    QCoreApplication::processEvents(); // the palette change reaches every widget
    const bool saved = widget.grab().save(QDir(shots).filePath(name + QStringLiteral("-dark.png")));
    usePalette(false);
    QCoreApplication::processEvents();
    return saved;
}

} // namespace Muster::Test
