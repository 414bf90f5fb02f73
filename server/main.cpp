// muster-server: the headless server. Everything lives in muster_server_lib, which tests link.
#include "app/servermain.h"

int main(int argc, char *argv[])
{
    return Muster::serverMain(argc, argv);
}
