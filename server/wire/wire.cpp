// See wire.h.
#include "wire.h"

#include "util/logging.h"

#include <QCoreApplication>
#include <QEvent>
#include <QThread>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Muster {

namespace {

const QEvent::Type kEventsWaiting = QEvent::Type(QEvent::registerEventType());

} // namespace

Wire::Wire(int threads, const WireThread::Settings &settings, MemoryBudget &budget, QObject *parent)
    : QObject(parent)
{
    // Ids carry the thread's index in eight bits.
    const int count = std::clamp(threads > 0 ? threads : QThread::idealThreadCount(), 1, 255);
    for (int i = 0; i < count; ++i) {
        m_threads.push_back(std::make_unique<WireThread>(i, *this, budget, settings));
        m_threads.back()->start();
    }
}

Wire::~Wire()
{
    for (const auto &thread : m_threads)
        thread->stop();
    // Joined (and their connections dropped) before the listener closes and the inbox goes.
    m_threads.clear();
    for (const int fd : m_listeners)
        ::close(fd);
}

bool Wire::listen(const QHostAddress &address, quint16 port)
{
    sockaddr_storage storage {};
    socklen_t length = 0;
    int family = AF_INET;
    bool dualStack = false;
    if (address == QHostAddress::Any || address.protocol() == QAbstractSocket::IPv6Protocol) {
        // QHostAddress::Any is IPv6 and IPv4 both, as Qt's own listeners take it.
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = family = AF_INET6;
        const Q_IPV6ADDR bytes
            = address == QHostAddress::Any ? Q_IPV6ADDR {} : address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, &bytes, sizeof bytes);
        in6->sin6_scope_id = address.scopeId().toUInt();
        length = sizeof(sockaddr_in6);
        dualStack = address == QHostAddress::Any;
    } else {
        auto *in4 = reinterpret_cast<sockaddr_in *>(&storage);
        in4->sin_family = AF_INET;
        in4->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
    }
    const auto setPort = [&](quint16 p) {
        if (family == AF_INET6)
            reinterpret_cast<sockaddr_in6 *>(&storage)->sin6_port = htons(p);
        else
            reinterpret_cast<sockaddr_in *>(&storage)->sin_port = htons(p);
    };
    // One listening socket per wire thread on the one port (SO_REUSEPORT): the kernel spreads
    // arriving connections evenly over them, where one shared socket lets whichever thread
    // wakes first take the most. The first socket picks the port when asked for any.
    setPort(port);
    std::vector<int> sockets;
    const auto fail = [&] {
        m_error = QString::fromLocal8Bit(strerror(errno));
        for (const int fd : sockets)
            ::close(fd);
        return false;
    };
    for (size_t i = 0; i < m_threads.size(); ++i) {
        const int fd = ::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0)
            return fail();
        sockets.push_back(fd);
        const int one = 1;
        const int zero = 0;
        if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0
            || setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) != 0
            || (dualStack && setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero) != 0)
            || ::bind(fd, reinterpret_cast<const sockaddr *>(&storage), length) != 0
            // Thousands reconnect at once after a restart: a short backlog drops their SYNs.
            || ::listen(fd, 4096) != 0)
            return fail();
        if (i == 0) {
            sockaddr_storage bound {};
            socklen_t boundLength = sizeof bound;
            if (getsockname(fd, reinterpret_cast<sockaddr *>(&bound), &boundLength) != 0)
                return fail();
            m_port = ntohs(family == AF_INET6 ? reinterpret_cast<sockaddr_in6 *>(&bound)->sin6_port
                                              : reinterpret_cast<sockaddr_in *>(&bound)->sin_port);
            setPort(m_port);
        }
    }
    m_listeners = sockets;
    for (size_t i = 0; i < m_threads.size(); ++i)
        m_threads[i]->addListener(sockets[i]);
    return true;
}

WireThread &Wire::threadOf(quint64 id) const
{
    const size_t index = size_t((id >> 32) & 0xFF);
    return *m_threads[index < m_threads.size() ? index : 0];
}

void Wire::post(WireCommand &&command)
{
    threadOf(command.id).post(std::move(command));
}

void Wire::respond(quint64 id, QByteArray &&answer)
{
    post({WireCommand::Kind::Respond, CloseCode::Normal, id, 0, std::move(answer), {}});
}

void Wire::accept(quint64 id, QByteArray &&answer)
{
    post({WireCommand::Kind::Accept, CloseCode::Normal, id, 0, std::move(answer), {}});
}

void Wire::send(quint64 id, QByteArray &&frame)
{
    post({WireCommand::Kind::Send, CloseCode::Normal, id, 0, std::move(frame), {}});
}

void Wire::sendToMany(const std::vector<quint64> &ids, const QByteArray &frame)
{
    std::vector<std::vector<quint64>> byThread(m_threads.size());
    for (const quint64 id : ids)
        byThread[size_t((id >> 32) & 0xFF) % m_threads.size()].push_back(id);
    for (size_t i = 0; i < byThread.size(); ++i) {
        if (!byThread[i].empty()) {
            m_threads[i]->post({WireCommand::Kind::SendToMany, CloseCode::Normal, 0, 0, frame,
                std::move(byThread[i])});
        }
    }
}

void Wire::close(quint64 id, CloseCode code, const QByteArray &reason)
{
    post({WireCommand::Kind::Close, code, id, 0, reason, {}});
}

void Wire::abort(quint64 id)
{
    post({WireCommand::Kind::Abort, CloseCode::Normal, id, 0, {}, {}});
}

void Wire::identified(quint64 id, qint64 maxMessageBytes)
{
    post({WireCommand::Kind::Identified, CloseCode::Normal, id, maxMessageBytes, {}, {}});
}

void Wire::extendSignInDeadline(quint64 id, std::chrono::milliseconds deadline)
{
    post({WireCommand::Kind::SignInDeadline, CloseCode::Normal, id, deadline.count(), {}, {}});
}

void Wire::deliver(std::vector<WireEvent> &events)
{
    if (m_inbox.putAll(events))
        QCoreApplication::postEvent(this, new QEvent(kEventsWaiting));
}

void Wire::customEvent(QEvent *event)
{
    if (event->type() != kEventsWaiting)
        return;
    for (WireEvent &e : m_inbox.takeAll())
        dispatch(e);
}

void Wire::dispatch(WireEvent &event)
{
    if (event.kind == WireEvent::Kind::Request) {
        if (m_onRequest)
            m_onRequest(event.id, *event.head);
        return;
    }
    // Looked up for every event: handling one may end another connection.
    Endpoint *endpoint = m_endpoints.value(event.id);
    if (!endpoint)
        return;
    switch (event.kind) {
    case WireEvent::Kind::Text:
        endpoint->wireText(std::move(event.bytes));
        return;
    case WireEvent::Kind::Binary:
        endpoint->wireBinary();
        return;
    case WireEvent::Kind::SignInDeadline:
        endpoint->wireSignInDeadline();
        return;
    case WireEvent::Kind::Closed:
        m_endpoints.remove(event.id);
        endpoint->wireClosed(event.bytes);
        return;
    case WireEvent::Kind::Request:
        return;
    }
}

} // namespace Muster
