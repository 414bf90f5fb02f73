// What every administration tab shares: calls the server, says plainly what went wrong in a
// line under the page, and keeps its buttons disabled while a change is on its way.
#pragma once

#include "client/adminclient.h"
#include "protocol/rpcerror.h"

#include <QJsonObject>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace Muster {

class Connection;

class AdminPage : public QWidget
{
    Q_OBJECT
public:
    AdminPage(Connection &connection, QWidget *parent = nullptr);

    QString message() const;

Q_SIGNALS:
    void busyChanged(bool busy);

protected:
    // A change on its way (from admin()); onDone runs with the result when it succeeds, the
    // page says why when not.
    void run(RpcReply *change, std::function<void(const QJsonValue &result)> onDone = {});
    AdminClient &admin() { return m_admin; }
    void showMessage(const QString &text);
    bool isBusy() const { return m_busy; }
    // Where subclasses put their widgets, above the message line.
    QVBoxLayout *content() const { return m_content; }
    // The usual page: a list, and a column of buttons beside it.
    void setListWithButtons(QWidget *list, const QList<QPushButton *> &buttons);
    Connection &connection() const { return m_connection; }

private:
    Connection &m_connection;
    AdminClient m_admin;
    QVBoxLayout *m_content;
    QLabel *m_message;
    bool m_busy = false;
};

} // namespace Muster
