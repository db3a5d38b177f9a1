package cn.countyflow.ui;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** One way for a view to open its dialogs (the batch, round, schedule and key-list dialogs each had their own copy). */
public final class Dialogs {
    private Dialogs() {
    }

    /**
     * Puts cancel and the primary action (if any) in the dialog's footer, adds the dialog to the view and opens it; the
     * dialog leaves the view when it closes.
     */
    public static void open(HasComponents view, Dialog dialog, Button cancel, Button primary) {
        dialog.getFooter().add(primary == null ? new HorizontalLayout(cancel) : new HorizontalLayout(cancel, primary));
        dialog.addOpenedChangeListener(ev -> {
            if (!ev.isOpened()) view.remove(dialog);
        });
        view.add(dialog);
        dialog.open();
    }
}
