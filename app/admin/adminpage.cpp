// See adminpage.h.
#include "adminpage.h"

#include "client/connection.h"
#include "common/errortext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Muster {

AdminPage::AdminPage(Connection &connection, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_admin(&connection)
    , m_content(new QVBoxLayout)
    , m_message(new QLabel(this))
{
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    // Its line is kept even when empty: "Saved." appearing must not make the list above jump.
    m_message->setMinimumHeight(m_message->fontMetrics().height());
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_content, 1);
    layout->addWidget(m_message);
}

void AdminPage::setListWithButtons(QWidget *list, const QList<QPushButton *> &buttons)
{
    auto *column = new QVBoxLayout;
    for (QPushButton *b : buttons)
        column->addWidget(b);
    column->addStretch();
    auto *row = new QHBoxLayout;
    row->addWidget(list, 1);
    row->addLayout(column);
    m_content->addLayout(row);
}

QString AdminPage::message() const
{
    return m_message->text();
}

void AdminPage::showMessage(const QString &text)
{
    m_message->setText(text);
}

void AdminPage::run(RpcReply *change, std::function<void(const QJsonValue &result)> onDone)
{
    m_busy = true;
    Q_EMIT busyChanged(true);
    showMessage({});
    change->then(this, [this, onDone](const QJsonValue &result, const RpcError &error) {
        m_busy = false;
        Q_EMIT busyChanged(false);
        if (error.isValid()) {
            showMessage(errorText(error));
            return;
        }
        if (onDone)
            onDone(result);
    });
}

} // namespace Muster
