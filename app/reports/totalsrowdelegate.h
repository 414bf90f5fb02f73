// Draws a report's totals row in bold, so the sum at the bottom reads as a sum.
#pragma once

#include <QStyledItemDelegate>

namespace Muster {

class TotalsRowDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Muster
