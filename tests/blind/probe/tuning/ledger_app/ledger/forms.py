"""Flask-WTF forms for the HTML side."""
from flask_wtf import FlaskForm
from wtforms import (BooleanField, DateField, DecimalField, IntegerField, PasswordField,
                     SelectField, StringField, TextAreaField)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, Regexp

CATEGORIES = [("travel", "Travel"), ("meals", "Meals"), ("office", "Office"),
              ("software", "Software"), ("other", "Other")]


class LoginForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired(), Length(max=40)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=128)])
    remember = BooleanField("Keep me signed in")


class ProfileForm(FlaskForm):
    display_name = StringField("Display name", validators=[DataRequired(), Length(max=80)])
    email = StringField("Email", validators=[
        DataRequired(), Length(max=120),
        Regexp(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", message="Enter a valid email address.")])


class ExpenseForm(FlaskForm):
    vendor = StringField("Vendor", validators=[
        DataRequired(), Length(max=60),
        Regexp(r"^[\w .,&'-]+$", message="Letters, digits and . , & ' - only.")])
    category = SelectField("Category", choices=CATEGORIES)
    amount = DecimalField("Amount (EUR)", places=2,
                          validators=[InputRequired(), NumberRange(min=0.01, max=50000)])
    spent_on = DateField("Date", validators=[InputRequired()])
    description = StringField("Description", validators=[Optional(), Length(max=300)])


class SearchForm(FlaskForm):
    q = StringField("Search", validators=[DataRequired(), Length(max=60)])
    category = SelectField("Category", choices=[("all", "All categories")] + CATEGORIES,
                           default="all")


class ImportForm(FlaskForm):
    url = StringField("Invoice feed URL", validators=[
        DataRequired(), Length(max=300),
        Regexp(r"^https?://", message="Only http(s) links are supported.")])
    currency = SelectField("Currency", choices=[("EUR", "EUR"), ("USD", "USD"), ("GBP", "GBP")])


class ReminderForm(FlaskForm):
    invoice = SelectField("Invoice", coerce=int, validators=[InputRequired()])
    days_overdue = IntegerField("Days overdue", validators=[InputRequired(), NumberRange(min=1, max=120)])
    tone = SelectField("Tone", choices=[("friendly", "Friendly"), ("firm", "Firm"), ("final", "Final notice")])
    subject = StringField("Subject", validators=[DataRequired(), Length(max=120)])
    message = TextAreaField("Message", validators=[DataRequired(), Length(max=600)])
