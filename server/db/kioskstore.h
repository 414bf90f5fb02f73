// SQL shared by the server and the command line for kiosks: approving a pairing code.
#pragma once

#include <QByteArray>

namespace Muster {

namespace KioskStore {

// $1 organisation, $2 pairing code, $3 name, $4 location, $5 lifetime in hours, $6 actor (or
// NULL): turns a pending pairing into the organisation's kiosk and yields its JSON, or no row
// when the code is unknown or expired.
QByteArray approveSql();

} // namespace KioskStore

} // namespace Muster
