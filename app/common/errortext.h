// What a refused request means, in the words of the screen it came from: never a raw protocol
// message ("Invalid params: "email" is not an email address"). A screen handles the refusals it
// expects itself (a wrong pairing code, a clash of names) and leaves the rest to errorText.
#pragma once

#include "protocol/rpcerror.h"

#include <QHash>
#include <QString>

namespace Muster {

// fieldLabels: wire names → the labels the screen shows ({"email", "Email address"}); a field
// not listed is spelled out from its wire name ("displayName" → "Display name").
QString errorText(const RpcError &error, const QHash<QString, QString> &fieldLabels = {});

} // namespace Muster
