// See testclient.h.
#include "testclient.h"

#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>

namespace Muster::Test {

TestClient::TestClient(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &TestClient::onText);
}

bool TestClient::open(const QUrl &url, int timeoutMs)
{
    QSignalSpy connected(&m_socket, &QWebSocket::connected);
    m_socket.open(url);
    return connected.wait(timeoutMs) || m_socket.state() == QAbstractSocket::ConnectedState;
}

void TestClient::onText(const QString &text)
{
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    if (frame.contains(QStringLiteral("method")) && !frame.contains(QStringLiteral("id"))) {
        m_pushes.append(frame);
        // Like Muster::Connection, a batch also counts as the presence.changed pushes it holds,
        // so a test need not care whether someone's arrival came alone or with others.
        if (frame.value(QStringLiteral("method")).toString() == QLatin1String("presence.changes")) {
            const QJsonObject params = frame.value(QStringLiteral("params")).toObject();
            for (const QJsonValue &change : params.value(QStringLiteral("changes")).toArray()) {
                QJsonObject one = change.toObject();
                if (params.contains(QStringLiteral("organisationId")))
                    one.insert(QStringLiteral("organisationId"),
                        params.value(QStringLiteral("organisationId")));
                m_pushes.append(QJsonObject {{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                    {QStringLiteral("method"), QStringLiteral("presence.changed")},
                    {QStringLiteral("params"), one}});
            }
        }
    } else
        m_replies.append(frame);
}

bool TestClient::openForwarded(const QUrl &url, const QString &forwardedFor, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setRawHeader("X-Forwarded-For", forwardedFor.toLatin1());
    QSignalSpy connected(&m_socket, &QWebSocket::connected);
    m_socket.open(request);
    return connected.wait(timeoutMs) || m_socket.state() == QAbstractSocket::ConnectedState;
}

void TestClient::post(const QString &method, const QJsonObject &params)
{
    const QJsonObject request {{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
        {QStringLiteral("id"), m_nextId++}, {QStringLiteral("method"), method},
        {QStringLiteral("params"), params}};
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact)));
}

QJsonObject TestClient::call(const QString &method, const QJsonObject &params, int timeoutMs)
{
    const qint64 id = m_nextId++;
    const QJsonObject request {{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
        {QStringLiteral("id"), id}, {QStringLiteral("method"), method},
        {QStringLiteral("params"), params}};
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact)));
    auto find = [&]() -> int {
        for (int i = 0; i < m_replies.size(); ++i) {
            if (m_replies.at(i).value(QStringLiteral("id")).toInteger() == id)
                return i;
        }
        return -1;
    };
    (void)QTest::qWaitFor([&] { return find() >= 0; }, timeoutMs);
    const int index = find();
    return index < 0 ? QJsonObject() : m_replies.takeAt(index);
}

QJsonObject TestClient::login(const QString &login, const QString &password)
{
    return call(QStringLiteral("session.login"),
        {{QStringLiteral("login"), login}, {QStringLiteral("password"), password}});
}

bool TestClient::signIn(const QUrl &url, const QString &login, const QString &password)
{
    return open(url) && this->login(login, password).contains(QStringLiteral("result"));
}

QJsonObject TestClient::sendRaw(const QByteArray &frame, int timeoutMs)
{
    const qsizetype before = m_replies.size();
    m_socket.sendTextMessage(QString::fromUtf8(frame));
    (void)QTest::qWaitFor([&] { return m_replies.size() > before; }, timeoutMs);
    return m_replies.size() > before ? m_replies.takeAt(before) : QJsonObject();
}

QList<QJsonObject> TestClient::waitForReplies(int count, int timeoutMs)
{
    (void)QTest::qWaitFor([&] { return m_replies.size() >= count; }, timeoutMs);
    return std::exchange(m_replies, {});
}

int TestClient::findPush(const QString &method, const QJsonObject &match) const
{
    for (int i = 0; i < m_pushes.size(); ++i) {
        const QJsonObject &push = m_pushes.at(i);
        if (push.value(QStringLiteral("method")).toString() != method)
            continue;
        const QJsonObject params = push.value(QStringLiteral("params")).toObject();
        bool matches = true;
        for (auto it = match.begin(); it != match.end() && matches; ++it)
            matches = params.value(it.key()) == it.value();
        if (matches)
            return i;
    }
    return -1;
}

QJsonObject TestClient::waitForPush(const QString &method, const QJsonObject &match, int timeoutMs)
{
    (void)QTest::qWaitFor([&] { return findPush(method, match) >= 0; }, timeoutMs);
    const int index = findPush(method, match);
    return index < 0 ? QJsonObject()
                     : m_pushes.takeAt(index).value(QStringLiteral("params")).toObject();
}

bool TestClient::noPush(const QString &method, const QJsonObject &match, int waitMs)
{
    // The one place a test waits out a period: proving absence needs a window. Callers first
    // wait for a push that must arrive after the one that must not, so the window is a margin.
    QTest::qWait(waitMs);
    return findPush(method, match) < 0;
}

bool TestClient::waitForDisconnect(int timeoutMs)
{
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        return true;
    QSignalSpy closed(&m_socket, &QWebSocket::disconnected);
    return closed.wait(timeoutMs) || m_socket.state() == QAbstractSocket::UnconnectedState;
}

QString TestClient::errorReason(const QJsonObject &reply)
{
    return reply.value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("data"))
        .toObject()
        .value(QStringLiteral("reason"))
        .toString();
}

QJsonObject resultOf(const QJsonObject &reply)
{
    return reply.value(QStringLiteral("result")).toObject();
}

QString stateIdByLabel(const QJsonArray &states, const QString &label)
{
    for (const QJsonValue &s : states) {
        if (s.toObject().value(QStringLiteral("label")).toString() == label)
            return s.toObject().value(QStringLiteral("id")).toString();
    }
    return {};
}

QString stateIdByLabel(const QJsonObject &snapshot, const QString &label)
{
    return stateIdByLabel(snapshot.value(QStringLiteral("states")).toArray(), label);
}

} // namespace Muster::Test
