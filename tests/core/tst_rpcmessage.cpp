// The JSON-RPC codec: what it accepts, what it refuses and with which standard code.
#include "protocol/rpcmessage.h"

#include <QJsonDocument>
#include <QTest>

using namespace Muster;

class TestRpcMessage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decodesRequest()
    {
        const RpcMessage m = RpcMessage::decode(
            R"({"jsonrpc":"2.0","id":7,"method":"presence.set","params":{"stateId":"x"}})");
        QCOMPARE(m.kind(), RpcMessage::Kind::Request);
        QCOMPARE(m.id().toInt(), 7);
        QCOMPARE(m.method(), QStringLiteral("presence.set"));
        QCOMPARE(m.params().value(QStringLiteral("stateId")).toString(), QStringLiteral("x"));
    }

    void decodesNotificationAndResponses()
    {
        QCOMPARE(RpcMessage::decode(R"({"jsonrpc":"2.0","method":"a.b","params":{}})").kind(),
            RpcMessage::Kind::Notification);
        const RpcMessage result = RpcMessage::decode(R"({"jsonrpc":"2.0","id":"q","result":[1]})");
        QCOMPARE(result.kind(), RpcMessage::Kind::Result);
        QCOMPARE(result.id().toString(), QStringLiteral("q"));
        const RpcMessage error = RpcMessage::decode(
            R"({"jsonrpc":"2.0","id":3,"error":{"code":-32003,"message":"no","data":{"reason":"forbidden"}}})");
        QCOMPARE(error.kind(), RpcMessage::Kind::Error);
        QCOMPARE(error.error().code, int(RpcError::Forbidden));
        QCOMPARE(error.error().reason, QStringLiteral("forbidden"));
    }

    void refusesMalformed_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<int>("code");
        QTest::addColumn<bool>("keepsId");
        QTest::newRow("not json") << QByteArray("{nope") << int(RpcError::ParseError) << false;
        QTest::newRow("array") << QByteArray("[1,2]") << int(RpcError::InvalidRequest) << false;
        QTest::newRow("no version")
            << QByteArray(R"({"id":1,"method":"x"})") << int(RpcError::InvalidRequest) << true;
        QTest::newRow("method not string") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":5})")
                                           << int(RpcError::InvalidRequest) << true;
        QTest::newRow("params array")
            << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"x","params":[1]})")
            << int(RpcError::InvalidParams) << true;
        // Would be echoed rounded: refused rather than answered under another id.
        QTest::newRow("id beyond 64 bits")
            << QByteArray(R"({"jsonrpc":"2.0","id":123456789012345678901,"method":"x"})")
            << int(RpcError::InvalidRequest) << false;
        QTest::newRow("id with a fraction")
            << QByteArray(R"({"jsonrpc":"2.0","id":1.5,"method":"x"})")
            << int(RpcError::InvalidRequest) << false;
        QTest::newRow("id object") << QByteArray(R"({"jsonrpc":"2.0","id":{},"method":"x"})")
                                   << int(RpcError::InvalidRequest) << false;
        QTest::newRow("empty object")
            << QByteArray(R"({"jsonrpc":"2.0","id":1})") << int(RpcError::InvalidRequest) << true;
    }

    void refusesMalformed()
    {
        QFETCH(QByteArray, frame);
        QFETCH(int, code);
        QFETCH(bool, keepsId);
        const RpcMessage m = RpcMessage::decode(frame);
        QCOMPARE(m.kind(), RpcMessage::Kind::Invalid);
        QCOMPARE(m.error().code, code);
        QVERIFY(!m.error().reason.isEmpty());
        QCOMPARE(m.id().isDouble(), keepsId);
    }

    void largeIdsComeBackExactly()
    {
        const QByteArray id = "9007199254740993"; // 2^53 + 1: a double would round it
        const RpcMessage m = RpcMessage::decode(
            R"({"jsonrpc":"2.0","id":)" + id + R"(,"method":"presence.list"})");
        QCOMPARE(m.kind(), RpcMessage::Kind::Request);
        QVERIFY(RpcMessage::encodeResult(m.id(), QJsonObject())
                    .contains(QByteArray(QByteArray("\"id\":") + id)));
    }

    void encodesRoundTrip()
    {
        const QByteArray frame = RpcMessage::encodeError(QJsonValue(9), RpcError::rateLimited(30));
        const RpcMessage m = RpcMessage::decode(frame);
        QCOMPARE(m.kind(), RpcMessage::Kind::Error);
        QCOMPARE(m.error().reason, QStringLiteral("rate_limited"));
        QCOMPARE(m.error().details.value(QStringLiteral("retryAfter")).toInt(), 30);
        const RpcMessage push = RpcMessage::decode(RpcMessage::encodeNotification(
            QStringLiteral("presence.changed"), {{QStringLiteral("a"), 1}}));
        QCOMPARE(push.kind(), RpcMessage::Kind::Notification);
        QCOMPARE(push.params().value(QStringLiteral("a")).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRpcMessage)
#include "tst_rpcmessage.moc"
