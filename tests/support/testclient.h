// A raw JSON-RPC WebSocket client for tests: sends exactly what a test says (garbage included)
// and waits on signals for replies and pushes. Deliberately independent of Muster::Connection.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

namespace Muster::Test {

class TestClient : public QObject
{
    Q_OBJECT
public:
    explicit TestClient(QObject *parent = nullptr);

    bool open(const QUrl &url, int timeoutMs = 5000);
    // As a client behind a proxy: the upgrade carries "X-Forwarded-For: forwardedFor".
    bool openForwarded(const QUrl &url, const QString &forwardedFor, int timeoutMs = 5000);
    // Sends a request without waiting for its reply (collect replies with waitForReplies).
    void post(const QString &method, const QJsonObject &params = {});
    // Sends a request and waits for its reply; returns the whole reply object (result or error),
    // or an empty object on timeout.
    QJsonObject call(const QString &method, const QJsonObject &params = {}, int timeoutMs = 5000);
    QJsonObject login(const QString &login, const QString &password);
    // Opens the connection and signs in with the seeded password; false on either failure.
    bool signIn(const QUrl &url, const QString &login,
        const QString &password = QStringLiteral("correct horse"));
    // Waits for the next frame that is not a reply to a request of ours.
    QJsonObject sendRaw(const QByteArray &frame, int timeoutMs = 5000);
    // Waits until `count` replies not yet taken have arrived, and takes them.
    QList<QJsonObject> waitForReplies(int count, int timeoutMs = 10000);
    // Waits for a push of the given method whose params match every field of `match`.
    QJsonObject waitForPush(
        const QString &method, const QJsonObject &match = {}, int timeoutMs = 5000);
    // True when no push of that method (matching) arrives within the time: for isolation checks.
    bool noPush(const QString &method, const QJsonObject &match, int waitMs);
    bool waitForDisconnect(int timeoutMs = 5000);

    QWebSocket &socket() { return m_socket; }
    void clearPushes() { m_pushes.clear(); }
    // Every push received and not taken yet, oldest first: {"method", "params"} each.
    const QList<QJsonObject> &pushes() const { return m_pushes; }

    static QString errorReason(const QJsonObject &reply);

private:
    void onText(const QString &text);
    int findPush(const QString &method, const QJsonObject &match) const;

    QWebSocket m_socket;
    QList<QJsonObject> m_replies;
    QList<QJsonObject> m_pushes;
    qint64 m_nextId = 1;
};

// The "result" member of a reply (empty when it is an error).
QJsonObject resultOf(const QJsonObject &reply);
// The id of the state with this label, in a state list or a presence.list result.
QString stateIdByLabel(const QJsonArray &states, const QString &label);
QString stateIdByLabel(const QJsonObject &snapshot, const QString &label);

} // namespace Muster::Test
