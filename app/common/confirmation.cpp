// See confirmation.h.
#include "confirmation.h"

#include <QPushButton>

namespace Muster {

QMessageBox *askToConfirm(QWidget *parent, const QString &name, const QString &title,
    const QString &text, const QString &action, const std::function<void()> &onConfirm,
    QMessageBox::Icon icon)
{
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Cancel, parent);
    box->setObjectName(name);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *confirm = box->addButton(action, QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirm"));
    box->setDefaultButton(QMessageBox::Cancel);
    QObject::connect(confirm, &QPushButton::clicked, parent, onConfirm);
    box->open();
    return box;
}

} // namespace Muster
