// After a burst, memory the server no longer uses goes back to the system, without the event
// loop waiting for it.
#include "app/memorytrimmer.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>

using namespace Muster;

namespace {
constexpr qint64 kMiB = 1024 * 1024;

// mebibytes of buffer-sized blocks, written to, as a storm of queued pushes leaves them.
std::vector<std::unique_ptr<char[]>> allocate(int mebibytes)
{
    std::vector<std::unique_ptr<char[]>> blocks;
    for (int i = 0; i < mebibytes * 64; ++i) {
        blocks.emplace_back(new char[16 * 1024]);
        std::fill_n(blocks.back().get(), 16 * 1024, char(i));
    }
    return blocks;
}
} // namespace

class TestMemoryTrimmer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
#if defined(__SANITIZE_ADDRESS__)
        QSKIP(
            "AddressSanitizer brings its own allocator: glibc's malloc_trim has nothing to return");
#endif
#ifndef __GLIBC__
        QSKIP("glibc only");
#endif
    }

    void readsTheResidentSize()
    {
        const qint64 before = MemoryTrimmer::residentBytes();
        QVERIFY(before > 0);
        const auto blocks = allocate(64);
        QVERIFY(MemoryTrimmer::residentBytes() - before >= 60 * kMiB);
    }

    // The order matters: each case reads growth from where the heap stands, and what a case
    // before left free may be reused without growing it.
    void returnsWhatABurstLeftBehind()
    {
        MemoryTrimmer trimmer;
        QSignalSpy trimmed(&trimmer, &MemoryTrimmer::trimmed);
        {
            auto burst = allocate(160);
            // Keep every 64th block, so the freed memory is not one piece at the top of the heap
            // (which free() alone would hand back).
            for (size_t i = 0; i < burst.size(); ++i) {
                if (i % 64 != 0)
                    burst[i].reset();
            }
            QVERIFY(trimmer.trimIfWorthIt());
            // One trim at a time: a check while it runs starts nothing.
            QVERIFY(!trimmer.trimIfWorthIt());
        }
        QVERIFY(trimmed.wait());
        const qint64 before = trimmed.first().at(0).toLongLong();
        const qint64 after = trimmed.first().at(1).toLongLong();
        QVERIFY2(before - after > 64 * kMiB,
            qPrintable(QStringLiteral("resident %1 MiB before, %2 MiB after")
                           .arg(before / kMiB)
                           .arg(after / kMiB)));
        // Growth is counted from what the trim left: the next check finds nothing to do.
        QVERIFY(!trimmer.trimIfWorthIt());
    }

    void leavesMemoryInUseAlone()
    {
        MemoryTrimmer trimmer;
        // Less growth than the threshold: not worth walking the heap for.
        const auto some = allocate(16);
        QVERIFY(!trimmer.trimIfWorthIt());
        // More, but all of it in use: one trim finds little, and the next check none.
        QSignalSpy trimmed(&trimmer, &MemoryTrimmer::trimmed);
        const auto more = allocate(48);
        QVERIFY(trimmer.trimIfWorthIt());
        QVERIFY(trimmed.wait());
        QVERIFY(
            trimmed.first().at(0).toLongLong() - trimmed.first().at(1).toLongLong() < 16 * kMiB);
        QVERIFY(!trimmer.trimIfWorthIt());
    }
};

QTEST_GUILESS_MAIN(TestMemoryTrimmer)
#include "tst_memorytrimmer.moc"
