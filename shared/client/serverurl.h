// Turns what people type as a server address ("muster.example.org", "http://host:8440",
// "wss://host/ws") into the WebSocket URL the connection opens.
#pragma once

#include <QString>
#include <QUrl>

namespace Muster {

QUrl webSocketUrl(const QString &typed);

} // namespace Muster
