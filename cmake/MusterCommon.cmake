# One interface target carries what every Muster target shares: the language level,
# warnings and the Qt defines that keep string and signal handling explicit.
add_library(muster_common INTERFACE)
target_compile_features(muster_common INTERFACE cxx_std_20)
target_compile_definitions(muster_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    MUSTER_VERSION="${PROJECT_VERSION}")
target_compile_options(muster_common INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
if(MUSTER_WARNINGS_AS_ERRORS)
    target_compile_options(muster_common INTERFACE -Werror)
endif()
