// Asks for a state's label, colour and whether it counts as available; used to add and to edit.
#pragma once

#include <QColor>
#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPushButton;

namespace Muster {

class StateEditDialog : public QDialog
{
    Q_OBJECT
public:
    explicit StateEditDialog(QWidget *parent = nullptr);

    void setValues(const QString &label, const QColor &color, bool available);
    QString label() const;
    QColor color() const { return m_color; }
    bool available() const;

private:
    void setColor(const QColor &color);

    QLineEdit *m_label;
    QPushButton *m_colorButton;
    QCheckBox *m_available;
    QColor m_color;
};

} // namespace Muster
