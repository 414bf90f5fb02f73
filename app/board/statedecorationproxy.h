// Adds what a Widgets view needs to the shared state model: a coloured dot as decoration, and
// on request the state's flags in its label.
#pragma once

#include <QIdentityProxyModel>

namespace Muster {

class StateDecorationProxy : public QIdentityProxyModel
{
    Q_OBJECT
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Adds "(default, available)" to labels, for the administration screen.
    void setShowFlags(bool show) { m_showFlags = show; }
    // Shows the time clock's shift state greyed out, for pickers: only clocking in sets it.
    void setShiftChoosable(bool choosable) { m_shiftChoosable = choosable; }

private:
    bool m_showFlags = false;
    bool m_shiftChoosable = true;
};

} // namespace Muster
