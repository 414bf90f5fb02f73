// The load tool's side of the wire: thousands of WebSocket sessions on one thread, framed by hand
// with the server's own codec over plain non-blocking sockets in one epoll set. The load shares
// the server's cores, so it must cost as little as it can: a QWebSocket per session spent more
// CPU on Qt's signals and string conversions than the server spent serving it, and its figures
// measured the client. Each session costs a descriptor and about a hundred bytes here.
#pragma once

#include "wire/framedecoder.h"

#include <QByteArray>
#include <QList>

#include <vector>

namespace Muster::Bench {

class WireLoad final : private FrameDecoder::Sink
{
public:
    // Session i connects to ports[i % ports.size()] on this host.
    explicit WireLoad(std::vector<quint16> ports);
    ~WireLoad();
    WireLoad(const WireLoad &) = delete;
    WireLoad &operator=(const WireLoad &) = delete;

    // Opens one session per token and resumes it (session.resume, sent with the upgrade head),
    // at most `concurrency` under way at once. False when not all settled in time.
    bool connectAll(const std::vector<QByteArray> &tokens, int concurrency, int timeoutMs);
    int signedIn() const { return m_signedIn; }
    // Sends session.resume only once the 101 has come, not with the head (servers that drop
    // frames sent early: the Qt transport before the wire's).
    void setResumeAfterUpgrade(bool after) { m_resumeAfterUpgrade = after; }
    int failed() const { return m_failed; }

    // Session `sender` sends `request` (JSON-RPC text); the round ends when every session in
    // `watchers` has received a message containing every one of `needles`. Each watcher's
    // latency goes to latencies(); false on timeout (roundMissing() say how many did not hear).
    bool round(size_t sender, const QByteArray &request, const std::vector<size_t> &watchers,
        const QList<QByteArray> &needles, int timeoutMs);
    int roundMissing() const { return m_pending; }
    double roundSlowest() const { return m_slowest; }
    double roundFastest() const { return m_fastest; }

    // Session `caller` sends `request`; done when a message containing `replyNeedle` comes back.
    bool call(
        size_t caller, const QByteArray &request, const QByteArray &replyNeedle, int timeoutMs);

    // Keeps the sessions (answers the server's pings) for a while.
    void idle(int ms);

    std::vector<double> &latencies() { return m_latencies; }

private:
    struct Session
    {
        enum class State : quint8 { Connecting, Upgrading, Resuming, Open, Dead };
        int fd = -1;
        State state = State::Connecting;
        bool watching = false;
        QByteArray head;
        FrameDecoder decoder {FrameDecoder::Sender::Server, 64 * 1024 * 1024};
    };

    void openNext();
    void settle(Session &s, bool ok);
    void poll(int timeoutMs);
    void onReady(size_t index, quint32 events);
    void send(Session &s, const QByteArray &bytes);
    bool runUntil(const std::function<bool()> &done, int timeoutMs);
    static qint64 nowNs();

    void textMessage(QByteArray &&utf8) override;
    void binaryMessage(QByteArray &&) override { }
    void ping(QByteArrayView payload) override;
    void pong(QByteArrayView) override { }
    void closeFrame(quint16, QByteArrayView) override;

    std::vector<quint16> m_ports;
    int m_epoll;
    std::vector<Session> m_sessions;
    const std::vector<QByteArray> *m_tokens = nullptr;
    size_t m_next = 0;
    int m_signedIn = 0;
    int m_failed = 0;
    bool m_resumeAfterUpgrade = false;
    size_t m_current = 0; // the session whose frames are being decoded

    QList<QByteArray> m_needles;
    int m_pending = 0;
    double m_slowest = 0;
    double m_fastest = 0;
    qint64 m_sentAt = 0;
    std::vector<double> m_latencies;
    size_t m_caller = 0;
    QByteArray m_replyNeedle;
    bool m_callDone = true;
};

} // namespace Muster::Bench
