// muster-bench-wire-floor: what the transport stands on, measured on this machine without
// muster-server: the cost of encoding a push's frame, and of one small write to a loopback TCP
// connection whose reader is awake (epoll, as the load tool and real clients are). On loopback
// the receiving side's TCP work runs in the writer's thread, so "per write" is everything the
// kernel does to move one frame from server to client — the floor under muster-server's figure
// "server CPU per push delivered".
#include "wire/framewriter.h"

#include <QByteArray>

#include <arpa/inet.h>
#include <array>
#include <atomic>
#include <cstdio>
#include <ctime>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace Muster;

namespace {

double threadCpuSeconds()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

double wallSeconds()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// A presence push as the server sends it, about 200 bytes.
const QByteArray kPush
    = "{\"jsonrpc\":\"2.0\",\"method\":\"presence.changed\",\"params\":{\"userId\":"
      "\"3f0c1b7e-9a55-4c1e-8d2a-5e8f9c0b1a2d\",\"stateId\":\"7d1e2f3a-4b5c-"
      "6d7e-8f90-a1b2c3d4e5f6\",\"message\":\"\",\"since\":\"2026-12-05T10:00:00"
      ".000Z\",\"online\":true}}";

} // namespace

int main(int argc, char *argv[])
{
    const int connections = argc > 1 ? std::atoi(argv[1]) : 2000;
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 50;
    rlimit limit {};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);

    // The frame's encode: header and copy, once per push whatever its audience.
    {
        const int n = 1000000;
        const double start = threadCpuSeconds();
        qsizetype sink = 0;
        for (int i = 0; i < n; ++i)
            sink += FrameWriter::text(kPush).size();
        const double ns = (threadCpuSeconds() - start) * 1e9 / n;
        std::printf("frame encode (%lld-byte push)       %.0f ns (%lld)\n", qlonglong(kPush.size()),
            ns, qlonglong(sink % 7));
    }

    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address);
    ::listen(listener, 4096);
    getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length);
    std::vector<int> clients;
    std::vector<int> servers;
    for (int i = 0; i < connections; ++i) {
        const int c = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (::connect(c, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
            std::perror("connect");
            return 1;
        }
        const int s = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
        const int one = 1;
        setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        clients.push_back(c);
        servers.push_back(s);
    }

    // The readers: one thread draining every client socket as it becomes readable.
    const int epoll = epoll_create1(EPOLL_CLOEXEC);
    for (const int c : clients) {
        epoll_event event {};
        event.events = EPOLLIN;
        event.data.fd = c;
        epoll_ctl(epoll, EPOLL_CTL_ADD, c, &event);
    }
    std::atomic<bool> done {false};
    std::atomic<qint64> received {0};
    std::thread reader([&] {
        std::array<epoll_event, 512> ready {};
        char buffer[65536];
        while (!done) {
            const int n = epoll_wait(epoll, ready.data(), int(ready.size()), 50);
            for (int i = 0; i < n; ++i) {
                const ssize_t r = ::recv(ready[size_t(i)].data.fd, buffer, sizeof buffer, 0);
                if (r > 0)
                    received += r;
            }
        }
    });

    const QByteArray frame = FrameWriter::text(kPush);
    const auto measure = [&](const char *what, int framesPerWrite) {
        std::vector<iovec> iov(static_cast<size_t>(framesPerWrite));
        for (iovec &v : iov)
            v = {const_cast<char *>(frame.constData()), size_t(frame.size())};
        msghdr message {};
        message.msg_iov = iov.data();
        message.msg_iovlen = iov.size();
        const double cpu = threadCpuSeconds();
        const double wall = wallSeconds();
        for (int r = 0; r < rounds; ++r) {
            for (const int s : servers)
                ::sendmsg(s, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
        }
        const double writes = double(rounds) * connections;
        std::printf("%-36s %.2f us CPU per write (%.2f us wall), %d connections x %d rounds\n",
            what, (threadCpuSeconds() - cpu) * 1e6 / writes, (wallSeconds() - wall) * 1e6 / writes,
            connections, rounds);
    };
    measure("loopback write, one frame", 1);
    measure("loopback write, two frames (writev)", 2);
    measure("loopback write, one frame", 1);
    done = true;
    reader.join();
    return 0;
}
