// One SQL statement with its bound parameters.
#pragma once

#include "pgparams.h"

#include <QByteArray>

namespace Muster {

struct PgStatement
{
    QByteArray sql;
    PgParams params;
};

} // namespace Muster
