// The JSON-RPC decoder and every param reader, fed whatever bytes a peer could send in a frame.
// Nothing may crash, hang or trip a sanitizer; what comes back must encode again.
#include "domain/canonicaltext.h"
#include "protocol/paramreader.h"
#include "protocol/rpcmessage.h"

#include <QJsonObject>

#include <cstdint>

using namespace Muster;

namespace {

// Reads `key` with each reader in turn, each with a fresh reader (the first error sticks).
void readEveryWay(const QJsonObject &params, const QString &key)
{
    const auto with = [&](auto read) {
        ParamReader p(params);
        read(p);
        (void)p.ok();
        (void)p.error().toJson();
    };
    with([&](ParamReader &p) { p.requiredString(key, 200); });
    with([&](ParamReader &p) { p.optionalString(key, 2000, {}, CanonicalText::Lines::Multiple); });
    with([&](ParamReader &p) { p.requiredLogin(key); });
    with([&](ParamReader &p) { p.optionalLogin(key); });
    with([&](ParamReader &p) { p.requiredSecret(key, 1024); });
    with([&](ParamReader &p) { p.requiredUuid(key); });
    with([&](ParamReader &p) { p.optionalUuid(key); });
    with([&](ParamReader &p) { p.optionalBool(key); });
    with([&](ParamReader &p) { p.requiredColor(key); });
    with([&](ParamReader &p) { p.optionalColor(key); });
    with([&](ParamReader &p) { p.requiredUuidList(key, 50, true); });
    with([&](ParamReader &p) { p.requiredTime(key); });
    with([&](ParamReader &p) { p.optionalTime(key); });
    with([&](ParamReader &p) { p.requiredInt(key, -1000, 1000000); });
    with([&](ParamReader &p) { p.optionalInt(key, 0, 24); });
    with([&](ParamReader &p) { p.requiredDecimal(key, 0, 10000); });
    with([&](ParamReader &p) { p.requiredBadge(key); });
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray frame(reinterpret_cast<const char *>(data), qsizetype(size));
    const RpcMessage message = RpcMessage::decode(frame);
    (void)RpcMessage::encodeError(message.id(), message.error());
    if (message.kind() != RpcMessage::Kind::Request)
        return 0;
    const QJsonObject params = message.params();
    (void)RpcMessage::encodeResult(message.id(), params);
    for (auto it = params.begin(); it != params.end(); ++it) {
        readEveryWay(params, it.key());
        if (it.value().isString())
            (void)CanonicalText::login(it.value().toString());
    }
    return 0;
}
