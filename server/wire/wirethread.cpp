// See wirethread.h.
#include "wirethread.h"

#include "framewriter.h"
#include "httpresponse.h"
#include "memorybudget.h"
#include "util/logging.h"
#include "wire.h"

#include <array>
#include <cerrno>
#include <ctime>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

namespace Muster {

namespace {

constexpr qsizetype kScratchBytes = 64 * 1024;
// A peer sending without pause gets this many reads per wakeup before the others have a turn.
constexpr int kReadsPerWakeup = 4;
constexpr int kAcceptsPerWakeup = 64;
constexpr int kMaxIovecs = 64;
constexpr qint64 kTickMs = 10;
constexpr int kWheelSlots = 8192; // 82 s ahead; later deadlines are looked at again then
constexpr qint64 kAcceptPauseMs = 100;

// What epoll reports besides connections: distinct addresses, compared, never dereferenced.
char kWakeTag;
char kListenTag;

qint64 nowMs()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

constexpr quint64 slotOf(quint64 id)
{
    return id & 0xFFFFFFFFu;
}

} // namespace

WireThread::WireThread(int index, Wire &wire, MemoryBudget &budget, const Settings &settings)
    : m_index(index)
    , m_wire(wire)
    , m_budget(budget)
    , m_settings(settings)
    , m_epoll(epoll_create1(EPOLL_CLOEXEC))
    , m_wake(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC))
    , m_wheel(nowMs(), kTickMs, kWheelSlots)
    , m_pingFrame(FrameWriter::ping({}))
    , m_scratch(new char[kScratchBytes])
{
    if (m_epoll < 0 || m_wake < 0)
        qFatal("wire thread: cannot create its epoll set: %s", strerror(errno));
    setObjectName(QStringLiteral("muster-wire-%1").arg(index));
    epoll_event wake {};
    wake.events = EPOLLIN;
    wake.data.ptr = &kWakeTag;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &wake);
}

WireThread::~WireThread()
{
    stop();
    wait();
    for (WireConnection *c : m_slots) {
        if (!c)
            continue;
        if (c->fd >= 0) {
            ::close(c->fd);
            m_budget.update(c->held, 0);
            if (c->counted)
                m_budget.removeConnection();
        }
        delete c;
    }
    ::close(m_wake);
    ::close(m_epoll);
}

void WireThread::addListener(int fd)
{
    m_listeners.push_back(fd);
    watchListener(fd);
}

void WireThread::watchListener(int fd)
{
    epoll_event listen {};
    listen.events = EPOLLIN;
    listen.data.ptr = &kListenTag;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &listen);
}

void WireThread::post(WireCommand &&command)
{
    if (m_commands.put(std::move(command)))
        wake();
}

void WireThread::post(std::vector<WireCommand> &&commands)
{
    if (m_commands.putAll(commands))
        wake();
}

void WireThread::wake()
{
    const quint64 one = 1;
    [[maybe_unused]] const ssize_t n = ::write(m_wake, &one, sizeof one);
}

void WireThread::stop()
{
    m_stopping = true;
    wake();
}

void WireThread::run()
{
    std::array<epoll_event, 256> ready {};
    while (!m_stopping.load(std::memory_order_relaxed)) {
        qint64 now = nowMs();
        int timeout = m_wheel.msUntilNext(now);
        if (m_acceptPausedUntil > 0) {
            const int pause = int(std::max<qint64>(0, m_acceptPausedUntil - now));
            timeout = timeout < 0 ? pause : std::min(timeout, pause);
        }
        const int count = epoll_wait(m_epoll, ready.data(), int(ready.size()), timeout);
        if (count < 0 && errno != EINTR)
            qFatal("wire thread: epoll_wait failed: %s", strerror(errno));
        for (int i = 0; i < count; ++i) {
            void *tag = ready[size_t(i)].data.ptr;
            if (tag == &kWakeTag) {
                quint64 value = 0;
                [[maybe_unused]] const ssize_t n = ::read(m_wake, &value, sizeof value);
                runCommands();
            } else if (tag == &kListenTag) {
                acceptAll();
            } else {
                auto *c = static_cast<WireConnection *>(tag);
                if (c->fd >= 0)
                    onReady(*c, ready[size_t(i)].events);
            }
        }
        now = nowMs();
        if (m_acceptPausedUntil > 0 && now >= m_acceptPausedUntil) {
            m_acceptPausedUntil = 0;
            for (const int fd : m_listeners)
                watchListener(fd);
        }
        m_wheel.expire(now, [this](quint64 id, qint64 tick) { onTimer(id, tick); });
        flushAll();
        if (!m_events.empty())
            m_wire.deliver(m_events);
        for (WireConnection *c : m_dead)
            release(c);
        m_dead.clear();
    }
}

void WireThread::runCommands()
{
    for (WireCommand &c : m_commands.takeAll())
        command(c);
}

void WireThread::command(WireCommand &command)
{
    using Kind = WireCommand::Kind;
    if (command.kind == Kind::SendToMany) {
        for (const quint64 id : command.ids) {
            WireConnection *c = find(id);
            if (c && c->phase == WireConnection::Phase::Open)
                send(*c, command.bytes);
        }
        return;
    }
    WireConnection *c = find(command.id);
    if (!c) {
        // The main thread accepted a connection that has gone meanwhile: it must hear so, or
        // it would keep what it made for it.
        if (command.kind == Kind::Accept)
            report({WireEvent::Kind::Closed, command.id, {}, {}});
        return;
    }
    const qint64 now = nowMs();
    switch (command.kind) {
    case Kind::Respond:
        if (c->phase == WireConnection::Phase::AwaitingAnswer)
            linger(*c, std::move(command.bytes));
        return;
    case Kind::Accept:
        if (c->phase == WireConnection::Phase::AwaitingAnswer)
            accept(*c, std::move(command.bytes));
        return;
    case Kind::Send:
        if (c->phase == WireConnection::Phase::Open)
            queue(*c, std::move(command.bytes));
        return;
    case Kind::SendToMany:
        return;
    case Kind::Close:
        if (c->phase == WireConnection::Phase::Open) {
            sendClose(*c, command.code, command.bytes);
        } else if (c->phase == WireConnection::Phase::AwaitingAnswer) {
            finish(*c);
        }
        return;
    case Kind::Abort:
        finish(*c, End::Abort);
        return;
    case Kind::Identified:
        c->identified = true;
        c->decoder.setMaxMessageBytes(command.value);
        if (c->phase == WireConnection::Phase::Open)
            c->deadlineMs = 0;
        return;
    case Kind::SignInDeadline:
        if (c->phase == WireConnection::Phase::Open && !c->identified) {
            c->deadlineMs = now + command.value;
            arm(*c);
        }
        return;
    }
}

void WireThread::acceptAll()
{
    for (int i = 0; i < kAcceptsPerWakeup && !m_listeners.empty(); ++i) {
        sockaddr_storage address {};
        socklen_t length = sizeof address;
        const int fd = accept4(m_listeners.front(), reinterpret_cast<sockaddr *>(&address), &length,
            SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return;
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                // The listener stays readable: level-triggered, it would wake this thread at
                // once, forever. Leave it alone for a moment; connections wait in the backlog.
                qCWarning(lcWire) << "cannot accept connections:" << strerror(errno)
                                  << "- trying again in" << kAcceptPauseMs << "ms";
                for (const int listener : m_listeners)
                    epoll_ctl(m_epoll, EPOLL_CTL_DEL, listener, nullptr);
                m_acceptPausedUntil = nowMs() + kAcceptPauseMs;
                return;
            }
            continue; // that peer gave up (ECONNABORTED and the like); others may wait
        }
        const int one = 1;
        // Frames are small and wanted now: no Nagle delay behind an unacknowledged one.
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);

        quint32 slot = 0;
        if (!m_freeSlots.empty()) {
            slot = m_freeSlots.back();
            m_freeSlots.pop_back();
        } else {
            slot = quint32(m_slots.size());
            m_slots.push_back(nullptr);
            m_generations.push_back(1);
        }
        auto *c = new WireConnection(m_settings.maxMessageBytesBeforeSignIn);
        c->id = (quint64(m_generations[slot] & 0xFFFFFFu) << 40) | (quint64(m_index) << 32) | slot;
        c->fd = fd;
        c->head = std::make_unique<WireConnection::HeadState>();
        c->head->peer = QHostAddress(reinterpret_cast<const sockaddr *>(&address));
        m_slots[slot] = c;
        epoll_event event {};
        event.events = EPOLLIN;
        event.data.ptr = c;
        epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
        c->deadlineMs = nowMs() + m_settings.headTimeout.count();
        arm(*c);
    }
}

void WireThread::onReady(WireConnection &c, quint32 events)
{
    if (events & EPOLLERR) {
        finish(c);
        return;
    }
    if (events & EPOLLOUT)
        flush(c);
    if (c.fd >= 0 && (events & (EPOLLIN | EPOLLHUP))) {
        if (c.reading)
            readFrom(c);
        else if (events & EPOLLHUP)
            finish(c);
    }
}

void WireThread::readFrom(WireConnection &c)
{
    for (int round = 0; round < kReadsPerWakeup && c.fd >= 0 && c.reading; ++round) {
        const ssize_t n = ::recv(c.fd, m_scratch.get(), kScratchBytes, 0);
        if (n > 0) {
            consume(c, QByteArrayView(m_scratch.get(), n));
            if (n < kScratchBytes)
                return;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        // The peer has closed (0) or the connection failed: in the Lingering phase that is the
        // expected end; otherwise the peer went without a close frame.
        finish(c);
        return;
    }
}

void WireThread::consume(WireConnection &c, QByteArrayView bytes)
{
    switch (c.phase) {
    case WireConnection::Phase::Head:
        readHead(c, bytes);
        return;
    case WireConnection::Phase::Open:
    case WireConnection::Phase::Closing:
        readFrames(c, bytes);
        return;
    case WireConnection::Phase::AwaitingAnswer:
    case WireConnection::Phase::Lingering:
        return; // dropped: nothing more is wanted from this peer
    }
}

void WireThread::readHead(WireConnection &c, QByteArrayView bytes)
{
    QByteArray &head = c.head->bytes;
    head.append(bytes);
    const auto tooLarge
        = [&] { linger(c, HttpResponse::format(431, "text/plain", "Request head too large\n")); };
    if (!HttpRequest::complete(head)) {
        if (head.size() > m_settings.maxHeadBytes)
            return tooLarge();
        account(c);
        return;
    }
    std::optional<HttpRequest> request = HttpRequest::parse(head);
    if (!request)
        return linger(c, HttpResponse::format(400, "text/plain", "Bad request\n"));
    if (request->headLength > m_settings.maxHeadBytes)
        return tooLarge();
    // An eager client may send its first frames with the head: they wait for the upgrade.
    if (head.size() > request->headLength)
        c.early = head.sliced(request->headLength);
    auto event = std::make_unique<WireEvent::Head>();
    event->request = std::move(*request);
    event->peer = c.head->peer;
    c.head.reset();
    c.phase = WireConnection::Phase::AwaitingAnswer;
    setInterest(c, false, c.writeInterest);
    c.deadlineMs = nowMs() + m_settings.answerTimeout.count();
    arm(c);
    account(c);
    c.reported = true;
    report({WireEvent::Kind::Request, c.id, {}, std::move(event)});
}

void WireThread::readFrames(WireConnection &c, QByteArrayView bytes)
{
    m_reading = &c;
    c.decoder.feed(bytes, *this);
    m_reading = nullptr;
    if (c.fd < 0)
        return;
    if (c.decoder.hasFailed() && c.phase != WireConnection::Phase::Lingering) {
        qCDebug(lcWire) << "connection" << c.id
                        << "broke the protocol:" << c.decoder.failureReason();
        if (!c.closeSent) {
            c.closeSent = true;
            queue(c, FrameWriter::close(c.decoder.failureCode(), c.decoder.failureReason()));
        }
        // Its next bytes cannot be read as frames: the close goes out, then the connection ends.
        linger(c, {});
    }
    account(c);
}

void WireThread::accept(WireConnection &c, QByteArray &&answer)
{
    queue(c, std::move(answer));
    c.phase = WireConnection::Phase::Open;
    c.counted = true;
    m_budget.addConnection();
    const qint64 now = nowMs();
    c.deadlineMs = c.identified ? 0 : now + m_settings.authTimeout.count();
    c.nextPingMs = now + m_settings.pingInterval.count();
    arm(c);
    setInterest(c, true, c.writeInterest);
    if (!c.early.isEmpty())
        readFrames(c, std::exchange(c.early, {}));
}

void WireThread::queue(WireConnection &c, QByteArray &&bytes)
{
    if (c.fd < 0 || c.shutDown || bytes.isEmpty())
        return;
    c.outBytes += bytes.size();
    c.out.push_back(std::move(bytes));
    if (c.outBytes > m_settings.maxUnsentBytes) {
        // It reads slower than it is sent to: what it has not taken would only grow.
        c.endReason = "it does not read what it is sent";
        finish(c, End::Abort);
        return;
    }
    if (!c.dirty) {
        c.dirty = true;
        m_dirty.push_back(&c);
    }
}

void WireThread::send(WireConnection &c, const QByteArray &frame)
{
    // A fan-out touches each connection once: written here when nothing waits before it, which
    // is the rule, rather than queued and visited again by the flush. What the kernel does not
    // take is queued as usual.
    if (!c.out.empty() || c.dirty || c.shutDown) {
        queue(c, QByteArray(frame)); // shared, not copied
        return;
    }
    const ssize_t written
        = ::send(c.fd, frame.constData(), size_t(frame.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (written == frame.size())
        return;
    if (written < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
        finish(c);
        return;
    }
    queue(c, QByteArray(frame));
    c.outOffset = std::max<ssize_t>(written, 0);
    c.outBytes -= c.outOffset;
}

void WireThread::flushAll()
{
    // Every connection written to since the last pass gets one writev for all its frames.
    m_flushing.swap(m_dirty);
    for (WireConnection *c : m_flushing) {
        c->dirty = false;
        if (c->fd >= 0)
            flush(*c);
    }
    m_flushing.clear();
}

void WireThread::flush(WireConnection &c)
{
    while (!c.out.empty()) {
        std::array<iovec, kMaxIovecs> iov {};
        size_t count = 0;
        for (; count < c.out.size() && count < iov.size(); ++count) {
            const QByteArray &bytes = c.out[count];
            const qint64 skip = count == 0 ? c.outOffset : 0;
            iov[count].iov_base = const_cast<char *>(bytes.constData() + skip);
            iov[count].iov_len = size_t(bytes.size() - skip);
        }
        msghdr message {};
        message.msg_iov = iov.data();
        message.msg_iovlen = count;
        const ssize_t written = ::sendmsg(c.fd, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;
            finish(c);
            return;
        }
        c.outBytes -= written;
        qint64 left = written;
        size_t done = 0;
        while (done < c.out.size() && left >= c.out[done].size() - c.outOffset) {
            left -= c.out[done].size() - c.outOffset;
            c.outOffset = 0;
            ++done;
        }
        c.outOffset += left;
        c.out.erase(c.out.begin(), c.out.begin() + qsizetype(done));
    }
    if (c.out.empty()) {
        std::vector<QByteArray>().swap(c.out); // an idle connection keeps no buffer
        c.outOffset = 0;
        if (c.writeInterest)
            setInterest(c, c.reading, false);
        if (c.phase == WireConnection::Phase::Closing && c.closeReceived)
            return finish(c); // both close frames exchanged: the server closes first (RFC 6455)
        if (c.phase == WireConnection::Phase::Lingering && !c.shutDown) {
            ::shutdown(c.fd, SHUT_WR);
            c.shutDown = true;
        }
    } else if (!c.writeInterest) {
        setInterest(c, c.reading, true);
    }
    account(c);
}

void WireThread::sendClose(WireConnection &c, CloseCode code, QByteArrayView reason)
{
    if (c.closeSent)
        return;
    c.closeSent = true;
    queue(c, FrameWriter::close(code, reason));
    c.phase = WireConnection::Phase::Closing;
    c.nextPingMs = 0; // no pings once closing: the deadline below is all that is left
    // A peer that never answers the close frame does not get to keep the connection.
    c.deadlineMs = nowMs() + m_settings.closeTimeout.count();
    arm(c);
}

void WireThread::linger(WireConnection &c, QByteArray &&lastBytes)
{
    queue(c, std::move(lastBytes));
    if (c.fd < 0)
        return;
    c.phase = WireConnection::Phase::Lingering;
    c.head.reset();
    c.early.clear();
    c.nextPingMs = 0;
    c.deadlineMs = nowMs() + m_settings.closeTimeout.count();
    arm(c);
    setInterest(c, true, c.writeInterest);
    if (c.out.empty() && !c.shutDown) {
        ::shutdown(c.fd, SHUT_WR);
        c.shutDown = true;
    }
}

void WireThread::onTimer(quint64 id, qint64 tick)
{
    WireConnection *c = find(id);
    if (!c || c->scheduledTick != tick)
        return; // a deadline that has changed since
    c->scheduledTick = 0;
    const qint64 now = nowMs();
    if (c->deadlineMs > 0 && now >= c->deadlineMs) {
        c->deadlineMs = 0;
        if (c->phase != WireConnection::Phase::Open) {
            // A head not finished in time, an answer never given, a close never answered.
            finish(*c, End::Abort);
            return;
        }
        report({WireEvent::Kind::SignInDeadline, c->id, {}, {}});
    }
    if (c->nextPingMs > 0 && now >= c->nextPingMs && c->phase == WireConnection::Phase::Open) {
        if (c->missedPongs >= 2) {
            c->endReason = "two unanswered pings";
            finish(*c, End::Abort);
            return;
        }
        ++c->missedPongs;
        queue(*c, QByteArray(m_pingFrame));
        c->nextPingMs = now + m_settings.pingInterval.count();
    }
    arm(*c);
}

void WireThread::arm(WireConnection &c)
{
    qint64 due = c.deadlineMs;
    if (c.nextPingMs > 0 && (due == 0 || c.nextPingMs < due))
        due = c.nextPingMs;
    if (due == 0)
        return;
    const qint64 tick = m_wheel.tickFor(due);
    // A later deadline keeps the earlier entry, which finds nothing due and schedules anew.
    if (c.scheduledTick == 0 || tick < c.scheduledTick) {
        m_wheel.add(c.id, tick);
        c.scheduledTick = tick;
    }
}

void WireThread::account(WireConnection &c)
{
    if (c.fd < 0)
        return;
    const qint64 held = c.decoder.bufferedBytes() + c.outBytes + c.early.size()
        + (c.head ? c.head->bytes.size() : 0);
    if (held == c.held)
        return;
    if (m_budget.update(c.held, held)) {
        c.held = held;
        return;
    }
    qCInfo(lcWire).nospace() << "closing connection " << c.id << ": it holds " << held
                             << " bytes while the server is over its memory budget";
    // Said if it can be said at once; what it holds is given back now either way.
    if (c.out.empty() && c.phase == WireConnection::Phase::Open) {
        const QByteArray busy = FrameWriter::close(CloseCode::PolicyViolated, "server busy");
        [[maybe_unused]] const ssize_t n
            = ::send(c.fd, busy.constData(), size_t(busy.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
    }
    finish(c, End::Abort);
}

void WireThread::setInterest(WireConnection &c, bool read, bool write)
{
    if (c.fd < 0 || (c.reading == read && c.writeInterest == write))
        return;
    c.reading = read;
    c.writeInterest = write;
    epoll_event event {};
    event.events = (read ? EPOLLIN : 0u) | (write ? EPOLLOUT : 0u);
    event.data.ptr = &c;
    epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &event);
}

void WireThread::finish(WireConnection &c, End end)
{
    if (c.fd < 0)
        return;
    if (end == End::Abort) {
        // A reset: nothing left in the kernel's buffers for a peer that may never read it.
        const ::linger reset {1, 0};
        setsockopt(c.fd, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
    }
    // Out of the epoll set by hand: close() alone removes it only once no other process holds
    // the socket, and a fork for a child process (QProcess) holds every descriptor until its
    // exec — the set would go on reporting a connection that is freed.
    epoll_ctl(m_epoll, EPOLL_CTL_DEL, c.fd, nullptr);
    ::close(c.fd);
    c.fd = -1;
    m_budget.update(c.held, 0);
    c.held = 0;
    if (c.counted)
        m_budget.removeConnection();
    std::vector<QByteArray>().swap(c.out);
    c.outBytes = 0;
    c.head.reset();
    c.early.clear();
    if (c.reported)
        report({WireEvent::Kind::Closed, c.id, c.endReason, {}});
    m_dead.push_back(&c);
}

void WireThread::report(WireEvent &&event)
{
    m_events.push_back(std::move(event));
}

WireConnection *WireThread::find(quint64 id) const
{
    const quint64 slot = slotOf(id);
    if (int((id >> 32) & 0xFF) != m_index || slot >= m_slots.size())
        return nullptr;
    WireConnection *c = m_slots[slot];
    return c && c->id == id && c->fd >= 0 ? c : nullptr;
}

void WireThread::release(WireConnection *c)
{
    const quint64 slot = slotOf(c->id);
    m_slots[slot] = nullptr;
    ++m_generations[slot];
    m_freeSlots.push_back(quint32(slot));
    delete c;
}

void WireThread::textMessage(QByteArray &&utf8)
{
    if (m_reading->phase == WireConnection::Phase::Open)
        report({WireEvent::Kind::Text, m_reading->id, std::move(utf8), {}});
}

void WireThread::binaryMessage(QByteArray &&)
{
    if (m_reading->phase == WireConnection::Phase::Open)
        report({WireEvent::Kind::Binary, m_reading->id, {}, {}});
}

void WireThread::ping(QByteArrayView payload)
{
    if (!m_reading->closeSent)
        queue(*m_reading, FrameWriter::pong(payload));
}

void WireThread::pong(QByteArrayView)
{
    m_reading->missedPongs = 0;
}

void WireThread::closeFrame(quint16 code, QByteArrayView)
{
    WireConnection &c = *m_reading;
    c.closeReceived = true;
    if (!c.closeSent) {
        // Echoes the peer's code, as the RFC suggests.
        c.closeSent = true;
        queue(c,
            code == quint16(CloseCode::NoStatus) ? FrameWriter::frame(FrameWriter::Close, {})
                                                 : FrameWriter::close(CloseCode(code)));
    }
    c.phase = WireConnection::Phase::Closing;
    c.nextPingMs = 0;
    c.deadlineMs = nowMs() + m_settings.closeTimeout.count();
    arm(c);
    if (!c.dirty && c.out.empty())
        finish(c);
}

} // namespace Muster
