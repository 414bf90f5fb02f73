// See layouts.h.
#include "layouts.h"

#include <QLayout>
#include <QWidget>

namespace Muster {

void clearLayout(QLayout *layout)
{
    while (QLayoutItem *item = layout->takeAt(0)) {
        if (QWidget *w = item->widget()) {
            w->hide();
            w->setParent(nullptr);
            w->deleteLater();
        }
        delete item;
    }
}

} // namespace Muster
