// See totalsrowdelegate.h.
#include "totalsrowdelegate.h"

#include "models/reportmodel.h"

namespace Muster {

void TotalsRowDelegate::initStyleOption(
    QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(ReportModel::IsTotalsRole).toBool())
        option->font.setBold(true);
}

} // namespace Muster
