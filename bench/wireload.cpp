// See wireload.h.
#include "wireload.h"

#include "wire/framewriter.h"

#include <QtGlobal>

#include <arpa/inet.h>
#include <array>
#include <cerrno>
#include <cstdio>
#include <ctime>
#include <functional>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Muster::Bench {

namespace {

constexpr quint32 kMask = 0x1d2c3b4a;

QByteArray resumeFrame(const QByteArray &token)
{
    const QByteArray request
        = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"session.resume\",\"params\":{\"token\":\""
        + token + "\"}}";
    return FrameWriter::maskedFrame(FrameWriter::Text, request, kMask);
}

} // namespace

WireLoad::WireLoad(std::vector<quint16> ports)
    : m_ports(std::move(ports))
    , m_epoll(epoll_create1(EPOLL_CLOEXEC))
{ }

WireLoad::~WireLoad()
{
    for (const Session &s : m_sessions) {
        if (s.fd >= 0)
            ::close(s.fd);
    }
    ::close(m_epoll);
}

qint64 WireLoad::nowNs()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

bool WireLoad::connectAll(const std::vector<QByteArray> &tokens, int concurrency, int timeoutMs)
{
    m_tokens = &tokens;
    m_sessions = std::vector<Session>(tokens.size());
    m_next = 0;
    for (int i = 0; i < concurrency; ++i)
        openNext();
    return runUntil(
        [this] { return size_t(m_signedIn + m_failed) == m_tokens->size(); }, timeoutMs);
}

void WireLoad::openNext()
{
    if (m_next >= m_sessions.size())
        return;
    const size_t index = m_next++;
    Session &s = m_sessions[index];
    s.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    const int one = 1;
    setsockopt(s.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(m_ports[index % m_ports.size()]);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(s.fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
        && errno != EINPROGRESS) {
        std::fprintf(stderr, "session %zu: connect: %s\n", index, strerror(errno));
        settle(s, false);
        return;
    }
    epoll_event event {};
    event.events = EPOLLOUT | EPOLLIN;
    event.data.u64 = index;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, s.fd, &event);
}

void WireLoad::settle(Session &s, bool ok)
{
    ok ? ++m_signedIn : ++m_failed;
    if (!ok) {
        if (s.fd >= 0)
            ::close(s.fd);
        s.fd = -1;
        s.state = Session::State::Dead;
    }
    openNext();
}

void WireLoad::send(Session &s, const QByteArray &bytes)
{
    // Requests are small and the socket's buffer empty: one write takes them whole.
    qsizetype at = 0;
    while (at < bytes.size()) {
        const ssize_t n
            = ::send(s.fd, bytes.constData() + at, size_t(bytes.size() - at), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        at += n;
    }
}

bool WireLoad::runUntil(const std::function<bool()> &done, int timeoutMs)
{
    const qint64 deadline = nowNs() + qint64(timeoutMs) * 1000000;
    while (!done()) {
        const qint64 left = (deadline - nowNs()) / 1000000;
        if (left <= 0)
            return false;
        poll(int(std::min<qint64>(left, 100)));
    }
    return true;
}

void WireLoad::idle(int ms)
{
    runUntil([] { return false; }, ms);
}

void WireLoad::poll(int timeoutMs)
{
    std::array<epoll_event, 512> ready {};
    const int count = epoll_wait(m_epoll, ready.data(), int(ready.size()), timeoutMs);
    for (int i = 0; i < count; ++i)
        onReady(size_t(ready[size_t(i)].data.u64), ready[size_t(i)].events);
}

void WireLoad::onReady(size_t index, quint32 events)
{
    Session &s = m_sessions[index];
    if (s.fd < 0)
        return;
    if (s.state == Session::State::Connecting) {
        if (!(events & EPOLLOUT))
            return;
        int error = 0;
        socklen_t length = sizeof error;
        getsockopt(s.fd, SOL_SOCKET, SO_ERROR, &error, &length);
        if (error != 0) {
            std::fprintf(stderr, "session %zu: %s\n", index, strerror(error));
            return settle(s, false);
        }
        epoll_event event {};
        event.events = EPOLLIN;
        event.data.u64 = index;
        epoll_ctl(m_epoll, EPOLL_CTL_MOD, s.fd, &event);
        s.state = Session::State::Upgrading;
        // The upgrade and the resume in one write: the server reads frames sent with the head.
        const QByteArray head
            = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: "
              "Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
              "Sec-WebSocket-Version: 13\r\n\r\n";
        send(s, m_resumeAfterUpgrade ? head : head + resumeFrame(m_tokens->at(index)));
        return;
    }
    char buffer[65536];
    while (s.fd >= 0) {
        const ssize_t n = ::recv(s.fd, buffer, sizeof buffer, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n <= 0) {
            std::fprintf(stderr, "session %zu: the server closed it\n", index);
            if (s.state == Session::State::Open) {
                ::close(s.fd);
                s.fd = -1;
                s.state = Session::State::Dead;
            } else {
                settle(s, false);
            }
            return;
        }
        QByteArrayView bytes(buffer, n);
        if (s.state == Session::State::Upgrading) {
            s.head.append(bytes);
            const qsizetype end = s.head.indexOf("\r\n\r\n");
            if (end < 0)
                continue;
            if (!s.head.startsWith("HTTP/1.1 101")) {
                std::fprintf(stderr, "session %zu: %s\n", index, s.head.left(40).constData());
                return settle(s, false);
            }
            s.state = Session::State::Resuming;
            if (m_resumeAfterUpgrade)
                send(s, resumeFrame(m_tokens->at(index)));
            const QByteArray rest = s.head.sliced(end + 4);
            s.head = QByteArray();
            m_current = index;
            s.decoder.feed(rest, *this);
            continue;
        }
        m_current = index;
        s.decoder.feed(bytes, *this);
        if (n < qsizetype(sizeof buffer))
            return;
    }
}

void WireLoad::textMessage(QByteArray &&utf8)
{
    Session &s = m_sessions[m_current];
    if (s.state == Session::State::Resuming) {
        // The first reply is the resume's; pushes may come before it.
        if (!utf8.contains("\"id\":1,"))
            return;
        s.state = Session::State::Open;
        settle(s, utf8.contains("\"result\""));
        return;
    }
    if (!m_callDone && m_current == m_caller && utf8.contains(m_replyNeedle)) {
        m_latencies.push_back(double(nowNs() - m_sentAt) / 1e6);
        m_callDone = true;
        return;
    }
    // Cheap matching: only a watcher still waiting looks at the text at all.
    if (m_pending == 0 || !s.watching)
        return;
    for (const QByteArray &needle : m_needles) {
        if (!utf8.contains(needle))
            return;
    }
    s.watching = false;
    const double ms = double(nowNs() - m_sentAt) / 1e6;
    m_latencies.push_back(ms);
    m_slowest = std::max(m_slowest, ms);
    m_fastest = m_fastest == 0 ? ms : std::min(m_fastest, ms);
    --m_pending;
}

void WireLoad::ping(QByteArrayView payload)
{
    send(m_sessions[m_current], FrameWriter::maskedFrame(FrameWriter::Pong, payload, kMask));
}

void WireLoad::closeFrame(quint16 code, QByteArrayView)
{
    std::fprintf(stderr, "session %zu: closed by the server (%u)\n", m_current, code);
}

bool WireLoad::round(size_t sender, const QByteArray &request, const std::vector<size_t> &watchers,
    const QList<QByteArray> &needles, int timeoutMs)
{
    m_needles = needles;
    m_pending = 0;
    for (const size_t w : watchers) {
        Session &s = m_sessions[w];
        s.watching = s.state == Session::State::Open;
        m_pending += s.watching ? 1 : 0;
    }
    m_slowest = 0;
    m_fastest = 0;
    m_sentAt = nowNs();
    send(m_sessions[sender], FrameWriter::maskedFrame(FrameWriter::Text, request, kMask));
    const bool done = runUntil([this] { return m_pending == 0; }, timeoutMs);
    for (const size_t w : watchers)
        m_sessions[w].watching = false;
    return done;
}

bool WireLoad::call(
    size_t caller, const QByteArray &request, const QByteArray &replyNeedle, int timeoutMs)
{
    m_caller = caller;
    m_replyNeedle = replyNeedle;
    m_callDone = false;
    m_sentAt = nowNs();
    send(m_sessions[caller], FrameWriter::maskedFrame(FrameWriter::Text, request, kMask));
    return runUntil([this] { return m_callDone; }, timeoutMs);
}

} // namespace Muster::Bench
