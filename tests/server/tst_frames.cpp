// The WebSocket codec on its own (server/wire): what a peer's bytes become, fed whole, split at
// every byte, fragmented and interleaved with control frames, and how each violation of RFC 6455
// ends the connection. The transport's tests (tst_wire) then take it onto real sockets.
#include "wire/framedecoder.h"
#include "wire/framewriter.h"
#include "wire/utf8validator.h"

#include <QTest>

using namespace Muster;

namespace {

using W = FrameWriter;

// Everything a decoder reported, as one comparable string per event.
struct Recorder final : FrameDecoder::Sink
{
    QStringList events;
    void textMessage(QByteArray &&utf8) override
    {
        events << QStringLiteral("text:") + QString::fromUtf8(utf8);
    }
    void binaryMessage(QByteArray &&bytes) override
    {
        events << QStringLiteral("binary:%1").arg(bytes.size());
    }
    void ping(QByteArrayView payload) override
    {
        events << QStringLiteral("ping:") + QString::fromLatin1(payload);
    }
    void pong(QByteArrayView payload) override
    {
        events << QStringLiteral("pong:") + QString::fromLatin1(payload);
    }
    void closeFrame(quint16 code, QByteArrayView reason) override
    {
        events << QStringLiteral("close:%1:%2").arg(code).arg(QString::fromUtf8(reason));
    }
};

QByteArray client(W::Opcode opcode, QByteArrayView payload, bool fin = true)
{
    return W::maskedFrame(opcode, payload, 0x9a3c51e7, fin);
}

// Decodes `bytes` from a client in one piece; returns the events, and "fail:<code>" last when
// the decoder refused them.
QStringList decode(const QByteArray &bytes, qint64 limit = 1024 * 1024)
{
    FrameDecoder decoder(FrameDecoder::Sender::Client, limit);
    Recorder r;
    decoder.feed(bytes, r);
    if (decoder.hasFailed())
        r.events << QStringLiteral("fail:%1").arg(int(decoder.failureCode()));
    return r.events;
}

} // namespace

class TestFrames : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void messagesArriveWhateverTheReadsCutThem()
    {
        const QByteArray stream = client(W::Text, "{\"id\":1}") + client(W::Ping, "are you there")
            + client(W::Binary, QByteArray(300, 'b')) + client(W::Text, QByteArray(70000, 'x'))
            + client(W::Text, "ünïcödé ✓");
        const QStringList whole = decode(stream);
        QCOMPARE(whole.size(), 5);
        QCOMPARE(whole.at(0), QStringLiteral("text:{\"id\":1}"));
        QCOMPARE(whole.at(1), QStringLiteral("ping:are you there"));
        QCOMPARE(whole.at(2), QStringLiteral("binary:300"));
        QCOMPARE(whole.at(4), QStringLiteral("text:ünïcödé ✓"));
        // One byte at a time, and in reads of a few odd sizes: the same messages, and nothing
        // held once the last frame is complete.
        for (const int step : {1, 2, 3, 7, 125, 4096}) {
            FrameDecoder decoder(FrameDecoder::Sender::Client, 1024 * 1024);
            Recorder r;
            for (qsizetype at = 0; at < stream.size(); at += step)
                QVERIFY(decoder.feed(QByteArrayView(stream).sliced(at).first(
                                         std::min<qsizetype>(step, stream.size() - at)),
                    r));
            QCOMPARE(r.events, whole);
            QCOMPARE(decoder.bufferedBytes(), 0);
            QVERIFY(!decoder.isMidMessage());
        }
    }

    void fragmentsAreJoinedAndControlFramesMayComeBetween()
    {
        const QByteArray stream = client(W::Text, "{\"method\":", false) + client(W::Ping, "1")
            + client(W::Continuation, "\"x\",", false) + client(W::Pong, "2")
            + client(W::Continuation, "\"id\":7}");
        QCOMPARE(decode(stream),
            QStringList({QStringLiteral("ping:1"), QStringLiteral("pong:2"),
                QStringLiteral("text:{\"method\":\"x\",\"id\":7}")}));
        // A UTF-8 sequence may straddle fragments.
        const QByteArray check = "✓";
        QCOMPARE(decode(client(W::Text, check.first(1), false)
                     + client(W::Continuation, check.sliced(1))),
            QStringList({QStringLiteral("text:✓")}));
        // Binary fragments too; an empty final fragment ends the message.
        QCOMPARE(decode(client(W::Binary, "ab", false) + client(W::Continuation, "")),
            QStringList({QStringLiteral("binary:2")}));
    }

    void aCloseDuringAFragmentedMessageEndsReading()
    {
        FrameDecoder decoder(FrameDecoder::Sender::Client, 1024 * 1024);
        Recorder r;
        QVERIFY(decoder.feed(client(W::Text, "half of a", false), r));
        QVERIFY(decoder.isMidMessage());
        const QByteArray closeThenMore = client(W::Close,
                                             QByteArray("\x03\xe8"
                                                        "bye",
                                                 5))
            + client(W::Continuation, " message");
        QVERIFY(!decoder.feed(closeThenMore, r));
        QCOMPARE(r.events, QStringList({QStringLiteral("close:1000:bye")}));
        QVERIFY(decoder.isClosed());
        QVERIFY(!decoder.hasFailed());
        QCOMPARE(decoder.bufferedBytes(), 0);
        // Nothing more is read.
        QVERIFY(!decoder.feed(client(W::Text, "late"), r));
        QCOMPARE(r.events.size(), 1);
    }

    void closeFramesAreChecked_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("outcome");
        QTest::newRow("no code") << QByteArray() << QStringLiteral("close:1005:");
        QTest::newRow("normal with reason")
            << QByteArray("\x03\xe8ok", 4) << QStringLiteral("close:1000:ok");
        QTest::newRow("application code")
            << QByteArray("\x0f\xa0", 2) << QStringLiteral("close:4000:");
        QTest::newRow("one byte") << QByteArray("\x03", 1) << QStringLiteral("fail:1002");
        QTest::newRow("1005 on the wire")
            << QByteArray("\x03\xed", 2) << QStringLiteral("fail:1002");
        QTest::newRow("999") << QByteArray("\x03\xe7", 2) << QStringLiteral("fail:1002");
        QTest::newRow("2000") << QByteArray("\x07\xd0", 2) << QStringLiteral("fail:1002");
        QTest::newRow("5000") << QByteArray("\x13\x88", 2) << QStringLiteral("fail:1002");
        QTest::newRow("reason not UTF-8")
            << QByteArray("\x03\xe8\xc0\xaf", 4) << QStringLiteral("fail:1007");
    }

    void closeFramesAreChecked()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QString, outcome);
        QCOMPARE(decode(client(W::Close, payload)), QStringList({outcome}));
    }

    void protocolViolationsFailWithTheirCode_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::newRow("unmasked") << W::frame(W::Text, "hi") << 1002;
        QByteArray reserved = client(W::Text, "hi");
        reserved[0] = char(reserved[0] | 0x40);
        QTest::newRow("reserved bit") << reserved << 1002;
        QByteArray opcode = client(W::Text, "hi");
        opcode[0] = char(0x83);
        QTest::newRow("unknown opcode") << opcode << 1002;
        QTest::newRow("fragmented ping") << client(W::Ping, "x", false) << 1002;
        QByteArray longPing = client(W::Binary, QByteArray(126, 'p'));
        longPing[0] = char(0x89);
        QTest::newRow("long ping") << longPing << 1002;
        QTest::newRow("continuation first") << client(W::Continuation, "x") << 1002;
        QTest::newRow("message inside a message")
            << client(W::Text, "a", false) + client(W::Text, "b") << 1002;
        // 16-bit length used for a length that fits in 7 bits.
        QTest::newRow("long form of a short length")
            << QByteArray("\x81\xfe\x00\x05\x00\x00\x00\x00hello", 13) << 1002;
        QTest::newRow("64-bit length with its top bit")
            << QByteArray("\x81\xff\x80\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", 14) << 1002;
        QTest::newRow("not UTF-8") << client(W::Text, "\xc0\xaf") << 1007;
        QTest::newRow("surrogate") << client(W::Text, "\xed\xa0\x80") << 1007;
        QTest::newRow("above U+10FFFF") << client(W::Text, "\xf4\x90\x80\x80") << 1007;
        QTest::newRow("sequence cut at the end")
            << client(W::Text, "ok\xe2\x9c", false) + client(W::Continuation, "") << 1007;
        QTest::newRow("bad byte in a later fragment")
            << client(W::Text, "ok", false) + client(W::Continuation, "\xff") << 1007;
    }

    void protocolViolationsFailWithTheirCode()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        const QStringList events = decode(bytes);
        QVERIFY(!events.isEmpty());
        QCOMPARE(events.last(), QStringLiteral("fail:%1").arg(code));
    }

    void oversizeMessagesAreRefusedFromTheHeader()
    {
        // Only the header of a 2 MiB frame: refused before any payload is kept.
        const QByteArray big = client(W::Text, QByteArray(2 * 1024 * 1024, 'x'));
        FrameDecoder decoder(FrameDecoder::Sender::Client, 1024 * 1024);
        Recorder r;
        QVERIFY(!decoder.feed(big.first(14), r));
        QCOMPARE(decoder.failureCode(), CloseCode::TooBig);
        QCOMPARE(decoder.bufferedBytes(), 0);
        // Fragments each under the limit but over it together.
        QCOMPARE(decode(client(W::Text, QByteArray(600, 'x'), false)
                         + client(W::Continuation, QByteArray(600, 'x')),
                     1000)
                     .last(),
            QStringLiteral("fail:1009"));
        // Exactly the limit passes; the limit can be raised once the peer has signed in.
        QCOMPARE(decode(client(W::Text, QByteArray(1000, 'x')), 1000).size(), 1);
        FrameDecoder raised(FrameDecoder::Sender::Client, 10);
        raised.setMaxMessageBytes(100);
        QVERIFY(raised.feed(client(W::Text, QByteArray(50, 'x')), r));
    }

    void anUnfinishedFrameIsHeldAndCounted()
    {
        FrameDecoder decoder(FrameDecoder::Sender::Client, 1024 * 1024);
        Recorder r;
        const QByteArray frame = client(W::Text, QByteArray(10000, 'y'));
        QVERIFY(decoder.feed(QByteArrayView(frame).first(6000), r));
        QCOMPARE(decoder.bufferedBytes(), 6000);
        QVERIFY(decoder.isMidMessage());
        QVERIFY(decoder.feed(QByteArrayView(frame).sliced(6000), r));
        QCOMPARE(r.events.size(), 1);
        QCOMPARE(decoder.bufferedBytes(), 0);
    }

    void aClientReadsTheServersFrames()
    {
        // The other direction, as the load tool reads it: unmasked, each length form.
        for (const qsizetype size : {0, 125, 126, 65535, 65536, 200000}) {
            FrameDecoder decoder(FrameDecoder::Sender::Server, 1024 * 1024);
            Recorder r;
            QVERIFY(decoder.feed(W::frame(W::Binary, QByteArray(size, 'z')), r));
            QCOMPARE(r.events, QStringList({QStringLiteral("binary:%1").arg(size)}));
            QCOMPARE(W::frame(W::Binary, QByteArray(size, 'z')).size(),
                W::headerSize(size, false) + size);
        }
        QCOMPARE(decode(W::maskedFrame(W::Text, "masked", 1), 10).size(), 1);
        FrameDecoder decoder(FrameDecoder::Sender::Server, 1024);
        Recorder r;
        QVERIFY(!decoder.feed(client(W::Text, "masked by a server"), r));
        QCOMPARE(decoder.failureCode(), CloseCode::ProtocolError);
    }

    void closeReasonsAreCutOnACharacterBoundary()
    {
        // 61 two-byte characters: 122 bytes fit, the 62nd would split.
        const QByteArray reason = QString(70, u'é').toUtf8();
        const QByteArray frame = W::close(CloseCode::PolicyViolated, reason);
        FrameDecoder decoder(FrameDecoder::Sender::Server, 1024);
        Recorder r;
        decoder.feed(frame, r);
        QCOMPARE(r.events, QStringList({QStringLiteral("close:1008:") + QString(61, u'é')}));
        QVERIFY(frame.size() <= 2 + 125);
    }

    void utf8IsCheckedAsTheStandardDefinesIt_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ascii") << QByteArray("plain") << true;
        QTest::newRow("two bytes") << QByteArray("\xc3\xa9") << true;
        QTest::newRow("three bytes") << QByteArray("\xe2\x9c\x93") << true;
        QTest::newRow("four bytes") << QByteArray("\xf0\x9f\x98\x80") << true;
        QTest::newRow("U+10FFFF") << QByteArray("\xf4\x8f\xbf\xbf") << true;
        QTest::newRow("U+FFFF") << QByteArray("\xef\xbf\xbf") << true;
        QTest::newRow("overlong two") << QByteArray("\xc1\xbf") << false;
        QTest::newRow("overlong three") << QByteArray("\xe0\x9f\xbf") << false;
        QTest::newRow("overlong four") << QByteArray("\xf0\x8f\xbf\xbf") << false;
        QTest::newRow("surrogate") << QByteArray("\xed\xbf\xbf") << false;
        QTest::newRow("U+110000") << QByteArray("\xf4\x90\x80\x80") << false;
        QTest::newRow("stray continuation") << QByteArray("\x80") << false;
        QTest::newRow("five-byte lead") << QByteArray("\xf8\x88\x80\x80\x80") << false;
        QTest::newRow("unfinished") << QByteArray("\xe2\x9c") << false;
        QTest::newRow("ascii after a lead") << QByteArray("\xc3z") << false;
    }

    void utf8IsCheckedAsTheStandardDefinesIt()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, valid);
        QCOMPARE(Utf8Validator::isValid(bytes), valid);
        // Byte by byte, the same verdict.
        Utf8Validator v;
        for (const char c : bytes)
            v.feed(QByteArrayView(&c, 1));
        QCOMPARE(v.isComplete(), valid);
    }
};

QTEST_GUILESS_MAIN(TestFrames)
#include "tst_frames.moc"
