// See stateeditdialog.h.
#include "stateeditdialog.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>

namespace Muster {

StateEditDialog::StateEditDialog(QWidget *parent)
    : QDialog(parent)
    , m_label(new QLineEdit(this))
    , m_colorButton(new QPushButton(this))
    , m_available(new QCheckBox(tr("People in this state can be reached"), this))
{
    setWindowTitle(tr("Status"));
    m_label->setMaxLength(100);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Label"), m_label);
    form->addRow(tr("&Colour"), m_colorButton);
    form->addRow(QString(), m_available);
    form->addRow(buttons);
    connect(m_colorButton, &QPushButton::clicked, this, [this] {
        const QColor chosen = QColorDialog::getColor(m_color, this, tr("Status colour"));
        if (chosen.isValid())
            setColor(chosen);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!label().isEmpty())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setColor(QColor(0x5b, 0x8d, 0xef));
}

void StateEditDialog::setValues(const QString &label, const QColor &color, bool available)
{
    m_label->setText(label);
    setColor(color);
    m_available->setChecked(available);
}

QString StateEditDialog::label() const
{
    return m_label->text().trimmed();
}

bool StateEditDialog::available() const
{
    return m_available->isChecked();
}

void StateEditDialog::setColor(const QColor &color)
{
    m_color = color;
    QPixmap swatch(32, 16);
    swatch.fill(color);
    m_colorButton->setIcon(swatch);
    m_colorButton->setText(color.name());
}

} // namespace Muster
