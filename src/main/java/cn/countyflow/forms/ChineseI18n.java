package cn.countyflow.forms;

import com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n;
import com.vaadin.flow.component.upload.UploadI18N;

import java.util.List;

import cn.countyflow.workflow.Texts;

/**
 * Texts for Vaadin components that carry their own: the date picker's Chinese calendar, and the upload's buttons in
 * the reader's language.
 */
final class ChineseI18n {

    private ChineseI18n() {
    }

    static DatePickerI18n datePicker() {
        DatePickerI18n i18n = new DatePickerI18n();
        i18n.setMonthNames(list("forms.datePicker.months"));
        i18n.setWeekdays(list("forms.datePicker.weekdays"));
        i18n.setWeekdaysShort(list("forms.datePicker.weekdaysShort"));
        i18n.setFirstDayOfWeek(1);
        i18n.setToday(Texts.translate("forms.datePicker.today", Texts.CHINESE));
        i18n.setCancel(Texts.translate("forms.datePicker.cancel", Texts.CHINESE));
        i18n.setDateFormat("yyyy-MM-dd");
        return i18n;
    }

    static UploadI18N upload() {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(Texts.get("forms.upload.addFile")).setMany(Texts.get("forms.upload.addFiles")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(Texts.get("forms.upload.dropFile")).setMany(Texts.get("forms.upload.dropFiles")));
        i18n.setError(new UploadI18N.Error()
                .setTooManyFiles(Texts.get("forms.upload.tooManyFiles"))
                .setFileIsTooBig(Texts.get("forms.upload.fileTooBig"))
                .setIncorrectFileType(Texts.get(UploadPolicy.TYPE_NOT_ALLOWED)));
        return i18n;
    }

    /** A comma-separated list of the Chinese bundle (the calendar is only Chinese; English keeps Vaadin's own). */
    private static List<String> list(String key) {
        return List.of(Texts.translate(key, Texts.CHINESE).split(","));
    }
}
