// "Time since" as the board shows it: "just now", "12 min", "3 h 5 min", "2 d". Both UIs use it.
#pragma once

#include <QDateTime>
#include <QString>

namespace Muster {

QString elapsedText(const QDateTime &since, const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace Muster
