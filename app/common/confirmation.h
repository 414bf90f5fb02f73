// A question before something that cannot be undone (revoking a kiosk, ending a chat, retiring
// the anteroom's address): window-modal but not blocking, so the app (and a test) goes on while
// it is open; Cancel is the default; the confirming button is named for what it does and has
// the object name "confirm". The box is found by `name` and deletes itself when closed.
#pragma once

#include <QMessageBox>

#include <functional>

namespace Muster {

QMessageBox *askToConfirm(QWidget *parent, const QString &name, const QString &title,
    const QString &text, const QString &action, const std::function<void()> &onConfirm,
    QMessageBox::Icon icon = QMessageBox::Warning);

} // namespace Muster
