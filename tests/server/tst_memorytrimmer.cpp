// After a burst, memory the server no longer uses goes back to the system.
#include "app/memorytrimmer.h"

#include <QTest>

#include <memory>
#include <vector>

using namespace Muster;

class TestMemoryTrimmer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void returnsWhatABurstLeftBehind()
    {
#if defined(__SANITIZE_ADDRESS__)
        QSKIP(
            "AddressSanitizer brings its own allocator: glibc's malloc_trim has nothing to return");
#endif
#ifndef __GLIBC__
        QSKIP("glibc only");
#endif
        MemoryTrimmer trimmer;
        {
            // 96 MiB in buffer-sized blocks, as a storm of queued pushes leaves them.
            std::vector<std::unique_ptr<char[]>> burst;
            for (int i = 0; i < 96 * 64; ++i) {
                burst.emplace_back(new char[16 * 1024]);
                std::fill_n(burst.back().get(), 16 * 1024, char(i));
            }
            // Keep every 64th block, so the freed memory is not one piece at the top of the heap.
            for (size_t i = 0; i < burst.size(); ++i) {
                if (i % 64 != 0)
                    burst[i].reset();
            }
            QVERIFY(trimmer.trimIfWorthIt() > 32LL * 1024 * 1024);
        }
        // What it found unused was handed back, so the next check finds little.
        QVERIFY(trimmer.trimIfWorthIt() < 32LL * 1024 * 1024);
    }
};

QTEST_GUILESS_MAIN(TestMemoryTrimmer)
#include "tst_memorytrimmer.moc"
