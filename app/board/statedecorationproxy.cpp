// See statedecorationproxy.h.
#include "statedecorationproxy.h"

#include "models/statelistmodel.h"

#include <QColor>
#include <QIcon>
#include <QPainter>
#include <QPixmap>

namespace Muster {

Qt::ItemFlags StateDecorationProxy::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags flags = QIdentityProxyModel::flags(index);
    if (!m_shiftChoosable && QIdentityProxyModel::data(index, StateListModel::ShiftRole).toBool())
        return flags & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return flags;
}

QVariant StateDecorationProxy::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DisplayRole && m_showFlags) {
        // What the administrator needs to see at a glance.
        // In words: "Available (default, available)" said the state's name twice.
        QStringList flags;
        if (QIdentityProxyModel::data(index, StateListModel::DefaultRole).toBool())
            flags << tr("new people start here");
        if (QIdentityProxyModel::data(index, StateListModel::AvailableRole).toBool())
            flags << tr("counts as reachable");
        if (QIdentityProxyModel::data(index, StateListModel::ShiftRole).toBool())
            flags << tr("set by the time clock");
        const QString label = QIdentityProxyModel::data(index, role).toString();
        return flags.isEmpty() ? label : tr("%1 — %2").arg(label, flags.join(tr(", ")));
    }
    if (role != Qt::DecorationRole)
        return QIdentityProxyModel::data(index, role);
    const QColor color(QIdentityProxyModel::data(index, StateListModel::ColorRole).toString());
    QPixmap dot(32, 32);
    dot.fill(Qt::transparent);
    QPainter p(&dot);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color.isValid() ? color : QColor(Qt::gray));
    p.drawEllipse(QRectF(4, 4, 24, 24));
    return QIcon(dot);
}

} // namespace Muster
