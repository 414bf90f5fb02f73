// What muster-server does with its command line: an admin command, or serve until told to stop.
#pragma once

namespace Muster {

int serverMain(int argc, char *argv[]);

} // namespace Muster
